package config.model;

import java.nio.file.Path;

/**
 * Where call records, recordings and voicemail go (paths absolute, resolved against the config file).
 *
 * @param database a {@code postgresql://} URL, or null for SQLite at {@code dir/acd.db}
 * @param queueLog an Asterisk-format queue_log file to write as well, or null
 */
public record Storage(Path dir, Path recordings, Secret database, Path queueLog) {
}
