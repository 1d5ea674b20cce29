package ops.records;

import java.nio.file.Path;

/**
 * Where call records go (the config's {@code storage} section). With {@code database} unset they
 * go to the SQLite file {@code <dir>/acd.db}; a {@code postgresql://user:pass@host:port/db} (or
 * {@code jdbc:postgresql:...}) URL sends them to PostgreSQL instead. {@code queueLog}, when set,
 * is a file that gets every queue event once more in Asterisk's queue_log format. {@code server}
 * names this server in every row, so several servers can report into one PostgreSQL database.
 */
public record StorageSettings(Path dir, String database, Path queueLog, String server) {
    public StorageSettings {
        if (database == null && dir == null) {
            throw new IllegalArgumentException("storage.dir is required when storage.database is not set");
        }
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("server must name this server (it is written in every row), was '"
                    + server + "'");
        }
    }

    /** SQLite under {@code dir}, no queue_log file. */
    public static StorageSettings sqlite(Path dir, String server) {
        return new StorageSettings(dir, null, null, server);
    }

    public StorageSettings withQueueLog(Path file) {
        return new StorageSettings(dir, database, file, server);
    }
}
