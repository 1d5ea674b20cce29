package gateway.sip.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.testkit.ExpectedLog;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    private final AtomicLong clock = new AtomicLong();
    private final FailureLimiter limiter = new FailureLimiter(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 3, clock::get);

    @Test
    void tenFailuresInAMinuteBlockForFiveMinutes() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            InetAddress a = InetAddress.getByName("192.0.2.1");
            for (int i = 0; i < 9; i++) {
                assertFalse(limiter.recordFailure(a));
                clock.addAndGet(1000);
            }
            assertFalse(limiter.isBlocked(a));
            assertTrue(limiter.recordFailure(a));
            assertTrue(limiter.isBlocked(a));
            clock.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
            assertTrue(limiter.isBlocked(a));
            clock.addAndGet(1);
            assertFalse(limiter.isBlocked(a));
            assertTrue(log.warned("SIP source 192.0.2.1 blocked"), log.warnings().toString());
        }
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 30; i++) {
            assertFalse(limiter.recordFailure(a));
            clock.addAndGet(7_000);
        }
    }

    @Test
    void otherAddressesAreUnaffectedAndTrackingIsBounded() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            InetAddress bad = InetAddress.getByName("192.0.2.3");
            for (int i = 0; i < 10; i++) {
                limiter.recordFailure(bad);
            }
            assertTrue(limiter.isBlocked(bad));
            assertFalse(limiter.isBlocked(InetAddress.getByName("192.0.2.4")));
            // three tracked at most: idle ones make room, the blocked one stays
            for (int i = 10; i < 20; i++) {
                limiter.recordFailure(InetAddress.getByName("198.51.100." + i));
                clock.addAndGet(20_000);
                assertTrue(limiter.tracked() <= 3, "tracked " + limiter.tracked());
            }
            assertTrue(limiter.isBlocked(bad));
            assertTrue(log.warned("SIP source 192.0.2.3 blocked"), log.warnings().toString());
        }
    }
}
