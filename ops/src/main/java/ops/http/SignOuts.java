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
 * store, so a restart keeps refusing it. At most {@link #MAX} are held: beyond that, sign-out
 * answers 503 rather than forget an earlier one.
 */
final class SignOuts {
    private static final Logger log = LoggerFactory.getLogger(SignOuts.class);
    static final int MAX = 100_000;

    private final Map<String, Long> expiresByNonce = new ConcurrentHashMap<>();
    private final SignedOutSessions store;
    private final LongSupplier clockMs;
    private final int max;

    /** Loads the store's unexpired sign-outs; a store that cannot be read is logged and leaves none. */
    SignOuts(SignedOutSessions store, LongSupplier clockMs) {
        this(store, clockMs, MAX);
    }

    SignOuts(SignedOutSessions store, LongSupplier clockMs, int max) {
        this.store = store;
        this.clockMs = clockMs;
        this.max = max;
        try {
            expiresByNonce.putAll(store.unexpired(nowS()));
        } catch (SQLException | RuntimeException e) {
            log.warn("signed-out sessions not read from {} ({}): cookies signed out before this start are"
                    + " accepted again until they expire", store, e.toString());
        }
    }

    boolean signedOut(SessionCookies.Session session) {
        return expiresByNonce.containsKey(session.nonce());
    }

    /** Refuses the session's cookie from now on; 503 when {@link #MAX} unexpired sign-outs are held. */
    synchronized void signOut(SessionCookies.Session session) {
        long now = nowS();
        expiresByNonce.values().removeIf(expires -> expires <= now);
        if (expiresByNonce.size() >= max && !expiresByNonce.containsKey(session.nonce())) {
            throw new ApiException(503, "too many signed-out sessions held (" + max + "); try again later",
                    Map.of("Retry-After", "60"));
        }
        expiresByNonce.put(session.nonce(), session.expiresEpochS());
        try {
            store.add(session.nonce(), session.expiresEpochS(), now);
        } catch (SQLException | RuntimeException e) {
            log.warn("a sign-out is refused in memory only, not after a restart: {} failed ({})", store, e.toString());
        }
    }

    /** Sign-outs held (for tests). */
    int size() {
        return expiresByNonce.size();
    }

    private long nowS() {
        return clockMs.getAsLong() / 1000;
    }
}
