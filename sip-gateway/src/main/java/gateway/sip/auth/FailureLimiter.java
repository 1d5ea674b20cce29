package gateway.sip.auth;

import gateway.net.Addresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications at two levels: per user name at one source address, so a
 * phone with a wrong password (or a guesser at one extension) locks out only that user there,
 * and per address across all user names, a wider ceiling for floods that try many names. Each
 * key blocked gets one log line when its block starts. Each level tracks at most
 * {@code maxTracked} keys; when full, idle ones are dropped first and a new key is not tracked
 * until room frees up.
 */
public final class FailureLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLimiter.class);

    /** {@code user} is cut short (see {@link SipAuthenticator#printable}): a key's size is bounded whatever a client sends. */
    private record UserAt(InetAddress source, String user) {
        @Override
        public String toString() {
            return "user " + user + " from " + Addresses.ip(source);
        }
    }

    private final Level<UserAt> perUser;
    private final Level<InetAddress> perAddress;

    /**
     * @param maxPerUser    failures of one user name from one address within {@code window} that
     *                      block that user from that address
     * @param maxPerAddress failures from one address, any user names, that block the address
     */
    public FailureLimiter(int maxPerUser, int maxPerAddress, Duration window, Duration blockFor, int maxTracked,
                          LongSupplier clockMs) {
        this.perUser = new Level<>(maxPerUser, window, blockFor, maxTracked, clockMs);
        this.perAddress = new Level<>(maxPerAddress, window, blockFor, maxTracked, clockMs);
    }

    /** Ten failures a minute block a user from an address, a hundred the address; five minutes each. */
    public static FailureLimiter standard() {
        return new FailureLimiter(10, 100, Duration.ofMinutes(1), Duration.ofMinutes(5), 100_000,
                System::currentTimeMillis);
    }

    /** Whether the whole address is blocked (then no request from it is even challenged). */
    public boolean isBlocked(InetAddress source) {
        return perAddress.isBlocked(source);
    }

    /** Whether {@code user} may not authenticate from {@code source} now. */
    public boolean isBlocked(InetAddress source, String user) {
        return perAddress.isBlocked(source) || perUser.isBlocked(new UserAt(source, SipAuthenticator.printable(user)));
    }

    /** Records one failure of {@code user} from {@code source}; true when that user is blocked there now. */
    public boolean recordFailure(InetAddress source, String user) {
        boolean userBlocked = perUser.recordFailure(new UserAt(source, SipAuthenticator.printable(user)));
        return perAddress.recordFailure(source) || userBlocked;
    }

    /** Keys currently tracked, both levels together. */
    int tracked() {
        return perUser.records.size() + perAddress.records.size();
    }

    /** One level: failures per key in a sliding window, and the key's block. */
    private static final class Level<K> {
        private static final class Record {
            final ArrayDeque<Long> failuresMs = new ArrayDeque<>();
            long blockedUntilMs;
        }

        private final int maxFailures;
        private final long windowMs;
        private final long blockMs;
        private final int maxTracked;
        private final LongSupplier clockMs;
        private final ConcurrentHashMap<K, Record> records = new ConcurrentHashMap<>();

        Level(int maxFailures, Duration window, Duration blockFor, int maxTracked, LongSupplier clockMs) {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures=" + maxFailures + " must be at least 1");
            }
            this.maxFailures = maxFailures;
            this.windowMs = window.toMillis();
            this.blockMs = blockFor.toMillis();
            this.maxTracked = maxTracked;
            this.clockMs = clockMs;
        }

        boolean isBlocked(K key) {
            Record r = records.get(key);
            if (r == null) {
                return false;
            }
            synchronized (r) {
                return r.blockedUntilMs > clockMs.getAsLong();
            }
        }

        boolean recordFailure(K key) {
            long now = clockMs.getAsLong();
            if (!records.containsKey(key) && records.size() >= maxTracked) {
                dropIdle(now);
                if (records.size() >= maxTracked) {
                    return false;
                }
            }
            Record r = records.computeIfAbsent(key, k -> new Record());
            synchronized (r) {
                if (r.blockedUntilMs > now) {
                    return true;
                }
                r.failuresMs.addLast(now);
                while (!r.failuresMs.isEmpty() && now - r.failuresMs.peekFirst() >= windowMs) {
                    r.failuresMs.removeFirst();
                }
                if (r.failuresMs.size() < maxFailures) {
                    return false;
                }
                r.failuresMs.clear();
                r.blockedUntilMs = now + blockMs;
            }
            LOG.warn("SIP {} blocked for {} s after {} failed authentications", key instanceof InetAddress a
                    ? "source " + Addresses.ip(a) : key, blockMs / 1000, maxFailures);
            return true;
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
}
