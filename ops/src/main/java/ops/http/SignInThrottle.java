package ops.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows token guessing: after {@value #LIMIT} failed sign-ins from one address within a
 * minute, that address is refused (429 with Retry-After) until the oldest failure is a
 * minute old. Only failures are counted, so a wall screen signing in again is never held up.
 */
final class SignInThrottle {
    static final int LIMIT = 5;
    static final long WINDOW_MS = 60_000;
    /** Beyond this many addresses, the quiet ones are forgotten so a scan cannot grow the map for ever. */
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();
    private final LongSupplier clockMs;

    SignInThrottle(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** Throws 429 while {@code address} has used up its failures. */
    synchronized void check(String address) {
        ArrayDeque<Long> times = recent(address, clockMs.getAsLong());
        if (times != null && times.size() >= LIMIT) {
            long waitS = Math.max(1, (times.peekFirst() + WINDOW_MS - clockMs.getAsLong() + 999) / 1000);
            throw new ApiException(429, "too many failed sign-ins from this address; try again in " + waitS + " s",
                    Map.of("Retry-After", Long.toString(waitS)));
        }
    }

    synchronized void failed(String address) {
        long now = clockMs.getAsLong();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(times -> prune(times, now).isEmpty());
        }
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(now);
    }

    /** The address's failures within the window (older ones dropped), or null for none. */
    private ArrayDeque<Long> recent(String address, long now) {
        ArrayDeque<Long> times = failures.get(address);
        if (times == null) {
            return null;
        }
        if (prune(times, now).isEmpty()) {
            failures.remove(address);
            return null;
        }
        return times;
    }

    private static ArrayDeque<Long> prune(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
            times.removeFirst();
        }
        return times;
    }
}
