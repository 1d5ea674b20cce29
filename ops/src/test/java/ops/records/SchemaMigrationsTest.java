package ops.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import ops.records.CallFacts.EndCause;
import ops.testkit.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaMigrationsTest {
    private static final String DBS = "ops.testkit.TestDatabases#all";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void freshDatabaseGetsTheLatestVersionAndKeepsItsDataWhenOpenedAgain(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            assertEquals(SchemaMigrations.latest(Dialect.SQLITE), rig.count("SELECT MAX(version) FROM schema_version"));
            rig.journal.arrived("m1", 1_000, "5000", "+4930111", null, "trunk1");
            rig.journal.ended("m1", 2_000, EndCause.CALLER_HUNG_UP);
            rig.record("m1");

            Storage again = Storage.open(rig.storage.settings());
            assertEquals("ABANDONED_IVR", again.records().get("m1").orElseThrow().outcome());
            assertEquals(SchemaMigrations.latest(Dialect.SQLITE), rig.count("SELECT COUNT(*) FROM schema_version"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aVersionOneDatabaseGetsTheRegistrationsTableAndKeepsItsCalls(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.journal.arrived("m1", 1_000, "5000", "+4930111", null, "trunk1");
            rig.journal.ended("m1", 2_000, EndCause.CALLER_HUNG_UP);
            rig.record("m1");
            try (Connection c = rig.storage.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("DROP TABLE registrations"); // as the first release left it
                st.executeUpdate("DROP TABLE signed_out_sessions");
                st.executeUpdate("DELETE FROM schema_version WHERE version >= 2");
            }
            Storage again = Storage.open(rig.storage.settings());
            assertEquals(SchemaMigrations.latest(Dialect.SQLITE), rig.count("SELECT MAX(version) FROM schema_version"));
            assertEquals(0, rig.count("SELECT COUNT(*) FROM registrations"));
            assertEquals(0, rig.count("SELECT COUNT(*) FROM signed_out_sessions"));
            assertEquals("ABANDONED_IVR", again.records().get("m1").orElseThrow().outcome());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void databaseNewerThanTheCodeIsRefused(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            Storage storage = Storage.open(db.settings("acd1"));
            try (Connection c = storage.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO schema_version (version, applied_ms) VALUES (99, 0)");
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Storage.open(db.settings("acd1")));
            assertTrue(e.getMessage().contains("schema version 99, newer than this server knows (3)"), e.getMessage());
        }
    }

    @Test
    void scriptsSplitAtSemicolonsOutsideComments() {
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE INDEX b ON a (x)"),
                SchemaMigrations.statements("-- one; two\nCREATE TABLE a (x INTEGER); -- a;\nCREATE INDEX b ON a (x);\n"));
        assertEquals(3, SchemaMigrations.latest(Dialect.SQLITE));
        assertEquals(3, SchemaMigrations.latest(Dialect.POSTGRESQL));
    }

    /** Two files per version, one per dialect: they may differ only in the integer types' names. */
    @Test
    void bothDialectsCreateTheSameSchemaButForTypeNames() throws Exception {
        for (int v = 1; v <= SchemaMigrations.latest(Dialect.SQLITE); v++) {
            assertEquals(schema(Dialect.SQLITE, v), schema(Dialect.POSTGRESQL, v)
                    .replace("BIGSERIAL PRIMARY KEY", "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT")
                    .replace("BIGINT", "INTEGER"), "schema version " + v);
        }
    }

    private static String schema(Dialect dialect, int version) throws Exception {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(dialect.schemaResource(version))) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return String.join(";\n", SchemaMigrations.statements(script)).replaceAll("[ \t]+", " ");
        }
    }

    @Test
    void postgresqlUrlsBecomeJdbcUrlsAndBadOnesNameTheProblemWithoutThePassword() {
        Storage s = storageFor("postgresql://acd:s3cr%40t@db.example:5433/acd?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:5433/acd?sslmode=require", s.describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> storageFor("mysql://acd:hunter2@db/acd"));
        assertTrue(e.getMessage().contains("mysql://acd:***@db/acd"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }

    private static Storage storageFor(String url) {
        return Storage.locate(new StorageSettings(null, url, null, "acd1"));
    }
}
