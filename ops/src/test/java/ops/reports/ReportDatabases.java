package ops.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import ops.records.Storage;
import ops.testkit.TestDatabases;

/**
 * A fresh database for one report test, made by {@link TestDatabases} (a temporary SQLite file,
 * or a PostgreSQL schema of its own, skipped or failed as that class says) and migrated to the
 * current schema by {@link Storage} itself, so the reports read exactly what production writes.
 */
final class ReportDatabases implements AutoCloseable {
    enum Dialect { SQLITE, POSTGRESQL }

    private final Path dir;
    private final TestDatabases.Fresh fresh;
    private final DataSource dataSource;

    private ReportDatabases(Path dir, TestDatabases.Fresh fresh, DataSource dataSource) {
        this.dir = dir;
        this.fresh = fresh;
        this.dataSource = dataSource;
    }

    static ReportDatabases open(Dialect dialect) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("acd-reports-");
        TestDatabases.Fresh fresh = TestDatabases.Kind.valueOf(dialect.name()).fresh(dir);
        return new ReportDatabases(dir, fresh, Storage.open(fresh.settings("test")).dataSource());
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException, SQLException {
        fresh.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
