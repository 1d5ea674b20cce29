package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ops.sessions.SignedOutSessions;
import org.junit.jupiter.api.Test;

/** Sign-outs held in memory: until the cookie's own expiry, bounded, written through to the store. */
class SignOutsTest {
    private final AtomicLong clockMs = new AtomicLong(AdminRig.T0);
    private final Kept kept = new Kept();

    @Test
    void aSignOutIsHeldUntilTheCookieExpiresThenDropped() {
        SignOuts signOuts = new SignOuts(kept, clockMs::get);
        SessionCookies.Session early = session("n1", 60);
        signOuts.signOut(early);
        assertTrue(signOuts.signedOut(early));
        assertEquals(Map.of("n1", early.expiresEpochS()), kept.rows);

        clockMs.addAndGet(61_000);
        signOuts.signOut(session("n2", 3_600));
        assertEquals(1, signOuts.size(), "the expired sign-out was dropped");
        assertFalse(signOuts.signedOut(early), "its cookie is refused as expired anyway");
    }

    @Test
    void beyondTheBoundASignOutIs503UntilOthersExpireAndTheBrowsersCookieIsClearedAllTheSame() {
        SignOuts signOuts = new SignOuts(kept, clockMs::get, 2);
        signOuts.signOut(session("n1", 60));
        signOuts.signOut(session("n2", 600));
        signOuts.signOut(session("n2", 600)); // the same one again costs nothing
        ApiException full = assertThrows(ApiException.class, () -> signOuts.signOut(session("n3", 600)));
        assertEquals(503, full.status());
        assertEquals(SessionCookies.cleared(), full.headers().get("Set-Cookie"));
        clockMs.addAndGet(61_000);
        signOuts.signOut(session("n3", 600));
        assertEquals(2, signOuts.size());
    }

    @Test
    void theWallboardTokenSigningOutAgainAndAgainLeavesTheAdminsRoom() {
        SignOuts signOuts = new SignOuts(kept, clockMs::get, 2);
        signOuts.signOut(new SessionCookies.Session(Role.VIEWER, "v1", clockMs.get() / 1000 + 600));
        signOuts.signOut(new SessionCookies.Session(Role.VIEWER, "v2", clockMs.get() / 1000 + 600));
        assertThrows(ApiException.class, () -> signOuts.signOut(
                new SessionCookies.Session(Role.VIEWER, "v3", clockMs.get() / 1000 + 600)));
        signOuts.signOut(session("a1", 600));
        assertTrue(signOuts.signedOut("a1"), "an admin signs out whatever the viewers did");
    }

    @Test
    void theStoresSignOutsAreLoadedAtStartAndAFailingStoreStillRefusesInMemory() {
        kept.rows.put("old", AdminRig.T0 / 1000 + 600);
        assertTrue(new SignOuts(kept, clockMs::get).signedOut(session("old", 600)), "loaded at start");

        kept.failing = true;
        try (LogCapture log = new LogCapture()) {
            SignOuts signOuts = new SignOuts(kept, clockMs::get);
            signOuts.signOut(session("n1", 600));
            assertTrue(signOuts.signedOut(session("n1", 600)));
            List<String> warnings = log.warnings();
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("signed-out sessions not read"), warnings.get(0));
            assertTrue(warnings.get(1).startsWith("a sign-out is refused in memory only"), warnings.get(1));
        }
    }

    private SessionCookies.Session session(String nonce, long lifetimeS) {
        return new SessionCookies.Session(Role.ADMIN, nonce, clockMs.get() / 1000 + lifetimeS);
    }

    /** The store, in a map; {@code failing} makes every call throw as a database away would. */
    private static final class Kept implements SignedOutSessions {
        final Map<String, Long> rows = new HashMap<>();
        boolean failing;

        @Override
        public Map<String, Long> unexpired(long nowEpochS) throws SQLException {
            check();
            rows.values().removeIf(expires -> expires <= nowEpochS);
            return Map.copyOf(rows);
        }

        @Override
        public void add(String nonce, long expiresEpochS, long nowEpochS) throws SQLException {
            check();
            rows.values().removeIf(expires -> expires <= nowEpochS);
            rows.putIfAbsent(nonce, expiresEpochS);
        }

        private void check() throws SQLException {
            if (failing) {
                throw new SQLException("database away");
            }
        }
    }
}
