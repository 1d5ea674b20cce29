package ops.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the newest schema this code knows: applies {@code schema-<dialect>-N.sql}
 * for every N above the database's version, in order, each in one transaction with its row in
 * {@code schema_version}. A database newer than the code is refused, never written.
 */
final class SchemaMigrations {
    private SchemaMigrations() {
    }

    /** @return the database's version, after migrating */
    static int migrate(Connection c, Dialect dialect, long nowMs) throws SQLException {
        int latest = latest(dialect);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " applied_ms BIGINT NOT NULL)");
            if (dialect == Dialect.POSTGRESQL) {
                // two servers starting at once against one database: the second waits, then finds it migrated
                st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
            }
            int current = current(st);
            if (current > latest) {
                throw new IllegalStateException("the records database is at schema version " + current
                        + ", newer than this server knows (" + latest + "): run the newer server, or point"
                        + " storage.dir/storage.database at another database");
            }
            for (int v = current + 1; v <= latest; v++) {
                apply(c, dialect, v, nowMs);
            }
            c.commit();
            return latest;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int current(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Dialect dialect, int version, long nowMs) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements(read(dialect.schemaResource(version)))) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)")) {
            ps.setInt(1, version);
            ps.setLong(2, nowMs);
            ps.executeUpdate();
        }
    }

    /** The highest N with a schema file; the files are numbered from 1 without gaps. */
    static int latest(Dialect dialect) {
        int v = 0;
        while (SchemaMigrations.class.getResource(dialect.schemaResource(v + 1)) != null) {
            v++;
        }
        return v;
    }

    /** The file's statements: {@code --} comments dropped (they may hold a ';'), then split at each ';'. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String s : sql.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
