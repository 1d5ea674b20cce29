package ops.reports;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh database with schema version 1 for one test: a temporary SQLite file, or a schema of
 * its own on the PostgreSQL at {@code ACD_TEST_POSTGRES_URL} (dropped on close), so tests running
 * in parallel never see each other's rows. Without that variable PostgreSQL cases are skipped,
 * unless {@code ACD_REQUIRE_POSTGRES=1} (CI), where they fail.
 */
final class ReportDatabases implements AutoCloseable {
    static final String POSTGRES_URL = "ACD_TEST_POSTGRES_URL";
    static final String REQUIRE_POSTGRES = "ACD_REQUIRE_POSTGRES";

    enum Dialect { SQLITE, POSTGRESQL }

    private final DataSource dataSource;
    private final AutoCloseable cleanup;

    private ReportDatabases(DataSource dataSource, AutoCloseable cleanup) {
        this.dataSource = dataSource;
        this.cleanup = cleanup;
    }

    static ReportDatabases open(Dialect dialect) throws Exception {
        ReportDatabases db = dialect == Dialect.SQLITE ? sqlite() : postgres();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : schema(dialect)) {
                s.execute(statement);
            }
        }
        return db;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }

    private static ReportDatabases sqlite() throws IOException {
        Path file = Files.createTempFile("acd-reports-", ".db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return new ReportDatabases(ds, () -> Files.deleteIfExists(file));
    }

    private static ReportDatabases postgres() throws SQLException {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            String why = POSTGRES_URL + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/acd_test?user=acd&password=acd)";
            if ("1".equals(System.getenv(REQUIRE_POSTGRES))) {
                fail(REQUIRE_POSTGRES + "=1 but " + why);
            }
            Assumptions.abort("PostgreSQL case skipped: " + why);
        }
        String schema = "reports_" + UUID.randomUUID().toString().replace("-", "");
        execute(url, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return new ReportDatabases(ds, () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The schema file's statements: comments dropped (one says "per ';'"), then split at ';'. */
    private static String[] schema(Dialect dialect) throws IOException {
        String name = "/ops/records/schema-" + dialect.name().toLowerCase() + "-1.sql";
        try (InputStream in = ReportDatabases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no " + name + " on the class path");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
            return java.util.Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        }
    }
}
