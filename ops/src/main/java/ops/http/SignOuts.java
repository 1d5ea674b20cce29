package ops.http;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import ops.sessions.SignedOutSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session cookies signed out before they expire: their nonces are refused from the sign-out
 * until the cookie's own expiry, when the entry is dropped (an expired cookie is refused
 * anyway). Checked in memory on every cookie request; each sign-out is also written to the
 * store, so a restart keeps refusing it. At most {@link #MAX_PER_ROLE} are held per role, so the
 * wallboard token signing in and out cannot use up the admins' room: beyond it, sign-out answers
 * 503 (the browser's cookie is cleared all the same) rather than forget an earlier one.
 */
final class SignOuts {
    private static final Logger log = LoggerFactory.getLogger(SignOuts.class);
    static final int MAX_PER_ROLE = 50_000;

    /** A sign-out until {@code expiresS}; {@code role} null for one read back from the store. */
    private record Held(long expiresS, Role role) {
    }

    private final Map<String, Held> byNonce = new ConcurrentHashMap<>();
    private final SignedOutSessions store;
    private final LongSupplier clockMs;
    private final int maxPerRole;

    /** Loads the store's unexpired sign-outs; a store that cannot be read is logged and leaves none. */
    SignOuts(SignedOutSessions store, LongSupplier clockMs) {
        this(store, clockMs, MAX_PER_ROLE);
    }

    SignOuts(SignedOutSessions store, LongSupplier clockMs, int maxPerRole) {
        this.store = store;
        this.clockMs = clockMs;
        this.maxPerRole = maxPerRole;
        try {
            store.unexpired(nowS()).forEach((nonce, expires) -> byNonce.put(nonce, new Held(expires, null)));
        } catch (SQLException | RuntimeException e) {
            log.warn("signed-out sessions not read from {} ({}): cookies signed out before this start are"
                    + " accepted again until they expire", store, e.toString());
        }
    }

    boolean signedOut(SessionCookies.Session session) {
        return signedOut(session.nonce());
    }

    boolean signedOut(String nonce) {
        return byNonce.containsKey(nonce);
    }

    /**
     * Refuses the session's cookie from now on; 503 when {@link #MAX_PER_ROLE} unexpired sign-outs
     * of its role are held. The store is written outside the lock: a slow database delays this
     * sign-out only.
     */
    void signOut(SessionCookies.Session session) {
        long now = nowS();
        synchronized (this) {
            byNonce.values().removeIf(held -> held.expiresS() <= now);
            if (!byNonce.containsKey(session.nonce()) && held(session.role()) >= maxPerRole) {
                throw new ApiException(503, "too many signed-out sessions held (" + maxPerRole + " for "
                        + SessionCookies.name(session.role()) + "); try again later",
                        Map.of("Retry-After", "60", "Set-Cookie", SessionCookies.cleared()));
            }
            byNonce.put(session.nonce(), new Held(session.expiresEpochS(), session.role()));
        }
        try {
            store.add(session.nonce(), session.expiresEpochS(), now);
        } catch (SQLException | RuntimeException e) {
            log.warn("a sign-out is refused in memory only, not after a restart: {} failed ({})", store, e.toString());
        }
    }

    private long held(Role role) {
        return byNonce.values().stream().filter(h -> h.role() == role).count();
    }

    /** Sign-outs held (for tests). */
    int size() {
        return byNonce.size();
    }

    private long nowS() {
        return clockMs.getAsLong() / 1000;
    }
}
