package gateway.sip.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce-count seen per nonce, to refuse replays, in bounded memory. When the table
 * is full the oldest entry is dropped and the watermark remembers its issue time: a nonce not in
 * the table and issued no later than the watermark may have been seen, so it is refused (the
 * client gets a fresh nonce) rather than risk accepting a replay.
 */
final class NonceCounts {
    private static final class Seen {
        final long issuedAtMs;
        long lastNc;

        Seen(long issuedAtMs, long lastNc) {
            this.issuedAtMs = issuedAtMs;
            this.lastNc = lastNc;
        }
    }

    private final int capacity;
    private final long lifetimeMs;
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
    private long watermarkMs = Long.MIN_VALUE;

    NonceCounts(int capacity, long lifetimeMs) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.lifetimeMs = lifetimeMs;
    }

    /** True when {@code nc} is higher than any count seen for {@code nonce}; records it then. */
    synchronized boolean advance(String nonce, long issuedAtMs, long nc, long nowMs) {
        Seen s = seen.get(nonce);
        if (s != null) {
            if (nc <= s.lastNc) {
                return false;
            }
            s.lastNc = nc;
            return true;
        }
        if (issuedAtMs <= watermarkMs) {
            return false;
        }
        dropExpired(nowMs);
        if (seen.size() >= capacity) {
            Iterator<Map.Entry<String, Seen>> eldest = seen.entrySet().iterator();
            watermarkMs = Math.max(watermarkMs, eldest.next().getValue().issuedAtMs);
            eldest.remove();
            if (issuedAtMs <= watermarkMs) {
                return false;
            }
        }
        seen.put(nonce, new Seen(issuedAtMs, nc));
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    /** Expired nonces are refused before they get here, so forgetting them costs nothing. */
    private void dropExpired(long nowMs) {
        Iterator<Seen> it = seen.values().iterator();
        while (it.hasNext()) {
            if (nowMs - it.next().issuedAtMs <= lifetimeMs) {
                return;
            }
            it.remove();
        }
    }
}
