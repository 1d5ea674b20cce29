package ops.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

import ops.records.StorageSettings;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every record test runs against: SQLite always, PostgreSQL when
 * {@code ACD_TEST_POSTGRES_URL} names one (a {@code jdbc:postgresql:} URL with user and
 * password). Without it the PostgreSQL cases are skipped, or fail when
 * {@code ACD_REQUIRE_POSTGRES=1} (CI). Each test gets a database of its own: a temp dir for
 * SQLite, a fresh schema with a random name for PostgreSQL, dropped again at {@link Fresh#close}.
 * Use as {@code @ParameterizedTest @MethodSource("ops.testkit.TestDatabases#all")}.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "ACD_TEST_POSTGRES_URL";
    public static final String REQUIRE_POSTGRES = "ACD_REQUIRE_POSTGRES";

    private TestDatabases() {
    }

    public static Stream<Kind> all() {
        return Stream.of(Kind.values());
    }

    public enum Kind {
        SQLITE, POSTGRESQL;

        /** A new, empty database for one test; skips (or fails in CI) a PostgreSQL case without a server. */
        public Fresh fresh(Path tempDir) throws SQLException {
            if (this == SQLITE) {
                return new Fresh(tempDir, null, null);
            }
            String base = System.getenv(POSTGRES_URL);
            if (base == null || base.isBlank()) {
                String why = POSTGRES_URL + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/acd_test?user=acd&password=acd)";
                if ("1".equals(System.getenv(REQUIRE_POSTGRES))) {
                    Assertions.fail(REQUIRE_POSTGRES + "=1 but " + why);
                }
                Assumptions.abort("PostgreSQL case skipped: " + why);
            }
            String schema = "acd_test_" + UUID.randomUUID().toString().replace("-", "");
            execute(base, "CREATE SCHEMA " + schema);
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Fresh(tempDir, url, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
        }
    }

    private interface Drop {
        void run() throws SQLException;
    }

    /** One test's database. */
    public static final class Fresh implements AutoCloseable {
        private final Path dir;
        private final String url;
        private final Drop drop;

        private Fresh(Path dir, String url, Drop drop) {
            this.dir = dir;
            this.url = url;
            this.drop = drop;
        }

        /** The PostgreSQL URL ({@code jdbc:postgresql:...} with the fresh schema), or null for SQLite under the dir. */
        public String url() {
            return url;
        }

        public StorageSettings settings(String server) {
            return new StorageSettings(dir, url, null, server);
        }

        @Override
        public void close() throws SQLException {
            if (drop != null) {
                drop.run();
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
