package gateway.call;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outgoing-leg Call-IDs we let go of, with when: a 2xx arriving for one of them is an answer that
 * crossed our CANCEL. Once more than {@code bound} are held, those older than {@code keepMs} go.
 * Kept oldest first, so expiry looks at the head only: a scan of every entry per released leg
 * (thousands at a few hundred calls/s) was the largest CPU cost of the call path under load.
 * Safe from any thread (released on the calls' loops, looked up on the SIP stack's threads).
 */
final class ReleasedCallIds {
    private final long keepMs;
    private final int bound;
    /** Call-ID -> released at (clock millis), in release order. */
    private final LinkedHashMap<String, Long> byAge = new LinkedHashMap<>();

    ReleasedCallIds(long keepMs, int bound) {
        this.keepMs = keepMs;
        this.bound = bound;
    }

    synchronized void add(String callId, long now) {
        byAge.remove(callId); // a Call-ID released again moves to the young end
        byAge.put(callId, now);
        if (byAge.size() <= bound) {
            return;
        }
        Iterator<Map.Entry<String, Long>> oldest = byAge.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() > keepMs) {
            oldest.remove();
        }
    }

    synchronized boolean contains(String callId) {
        return byAge.containsKey(callId);
    }

    synchronized int size() {
        return byAge.size();
    }
}
