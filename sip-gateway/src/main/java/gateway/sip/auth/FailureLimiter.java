package gateway.sip.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per source address: {@code maxFailures} within {@code window}
 * block the address for {@code blockFor}. Tracks at most {@code maxTracked} addresses; when full,
 * idle entries are dropped first and a new address is not tracked until room frees up.
 */
public final class FailureLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLimiter.class);

    private static final class Record {
        final ArrayDeque<Long> failuresMs = new ArrayDeque<>();
        long blockedUntilMs;
    }

    private final int maxFailures;
    private final long windowMs;
    private final long blockMs;
    private final int maxTracked;
    private final LongSupplier clockMs;
    private final ConcurrentHashMap<InetAddress, Record> records = new ConcurrentHashMap<>();

    public FailureLimiter(int maxFailures, Duration window, Duration blockFor, int maxTracked, LongSupplier clockMs) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures=" + maxFailures + " must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.windowMs = window.toMillis();
        this.blockMs = blockFor.toMillis();
        this.maxTracked = maxTracked;
        this.clockMs = clockMs;
    }

    /** Ten failures a minute block an address for five minutes. */
    public static FailureLimiter standard() {
        return new FailureLimiter(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 100_000, System::currentTimeMillis);
    }

    public boolean isBlocked(InetAddress source) {
        Record r = records.get(source);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            return r.blockedUntilMs > clockMs.getAsLong();
        }
    }

    /** Records one failure; true when the address is blocked now. */
    public boolean recordFailure(InetAddress source) {
        long now = clockMs.getAsLong();
        if (!records.containsKey(source) && records.size() >= maxTracked) {
            dropIdle(now);
            if (records.size() >= maxTracked) {
                return false;
            }
        }
        Record r = records.computeIfAbsent(source, a -> new Record());
        synchronized (r) {
            if (r.blockedUntilMs > now) {
                return true;
            }
            r.failuresMs.addLast(now);
            while (!r.failuresMs.isEmpty() && now - r.failuresMs.peekFirst() >= windowMs) {
                r.failuresMs.removeFirst();
            }
            if (r.failuresMs.size() >= maxFailures) {
                r.failuresMs.clear();
                r.blockedUntilMs = now + blockMs;
                LOG.warn("SIP source {} blocked for {} s after {} failed authentications",
                        source.getHostAddress(), blockMs / 1000, maxFailures);
                return true;
            }
            return false;
        }
    }

    /** Addresses currently tracked. */
    int tracked() {
        return records.size();
    }

    private void dropIdle(long now) {
        records.entrySet().removeIf(e -> {
            Record r = e.getValue();
            synchronized (r) {
                Long last = r.failuresMs.peekLast();
                return r.blockedUntilMs <= now && (last == null || now - last >= windowMs);
            }
        });
    }
}
