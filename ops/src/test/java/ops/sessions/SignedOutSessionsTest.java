package ops.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import ops.records.Storage;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign-outs in the server's storage, on SQLite and PostgreSQL: kept until they expire, then gone. */
class SignedOutSessionsTest {
    private static final long NOW_S = 1_767_258_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void signOutsAreKeptUntilTheirCookiesExpire(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            SignedOutSessions kept = SignedOutSessions.in(Storage.open(db.settings("acd1")));
            kept.add("n1", NOW_S + 60, NOW_S);
            kept.add("n2", NOW_S + 3_600, NOW_S);
            kept.add("n2", NOW_S + 7_200, NOW_S); // kept already: left as it was
            assertEquals(Map.of("n1", NOW_S + 60, "n2", NOW_S + 3_600), kept.unexpired(NOW_S));

            assertEquals(Map.of("n2", NOW_S + 3_600), kept.unexpired(NOW_S + 60), "n1 expired and dropped");
            kept.add("n3", NOW_S + 9_000, NOW_S + 3_600);
            assertEquals(Map.of("n3", NOW_S + 9_000), SignedOutSessions.in(Storage.open(db.settings("acd2")))
                    .unexpired(NOW_S + 3_600), "another server of the database reads them; n2 was dropped");
        }
    }
}
