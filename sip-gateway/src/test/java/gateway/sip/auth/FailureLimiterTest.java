package gateway.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.testkit.ExpectedLog;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    private final AtomicLong clock = new AtomicLong();
    private final FailureLimiter limiter = new FailureLimiter(10, 30, Duration.ofMinutes(1), Duration.ofMinutes(5), 3,
            clock::get);

    @Test
    void tenFailuresOfOneUserInAMinuteBlockThatUserThereForFiveMinutes() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            InetAddress a = InetAddress.getByName("192.0.2.1");
            for (int i = 0; i < 9; i++) {
                assertFalse(limiter.recordFailure(a, "1001"));
                clock.addAndGet(1000);
            }
            assertFalse(limiter.isBlocked(a, "1001"));
            assertTrue(limiter.recordFailure(a, "1001"));
            assertTrue(limiter.isBlocked(a, "1001"));
            assertFalse(limiter.isBlocked(a, "1002"), "another user at the same address");
            assertFalse(limiter.isBlocked(a), "the address as a whole");
            assertFalse(limiter.isBlocked(InetAddress.getByName("192.0.2.9"), "1001"), "the same user elsewhere");
            clock.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
            assertTrue(limiter.isBlocked(a, "1001"));
            clock.addAndGet(1);
            assertFalse(limiter.isBlocked(a, "1001"));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warned("SIP user 1001 from 192.0.2.1 blocked for 300 s"), log.warnings().toString());
        }
    }

    @Test
    void manyUserNamesFromOneAddressBlockTheAddressOnce() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            InetAddress a = InetAddress.getByName("192.0.2.5");
            for (int i = 0; i < 29; i++) {
                assertFalse(limiter.recordFailure(a, "guess" + i));
            }
            assertFalse(limiter.isBlocked(a));
            assertTrue(limiter.recordFailure(a, "guess29"));
            assertTrue(limiter.isBlocked(a));
            assertTrue(limiter.isBlocked(a, "someone-else"));
            assertTrue(limiter.recordFailure(a, "guess30"));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warned("SIP source 192.0.2.5 blocked"), log.warnings().toString());
        }
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 30; i++) {
            assertFalse(limiter.recordFailure(a, "1001"));
            clock.addAndGet(7_000);
        }
    }

    @Test
    void otherAddressesAreUnaffectedAndTrackingIsBounded() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            InetAddress bad = InetAddress.getByName("192.0.2.3");
            for (int i = 0; i < 10; i++) {
                limiter.recordFailure(bad, "1001");
            }
            assertTrue(limiter.isBlocked(bad, "1001"));
            assertFalse(limiter.isBlocked(InetAddress.getByName("192.0.2.4"), "1001"));
            // three keys per level at most: idle ones make room, the blocked one stays
            for (int i = 10; i < 20; i++) {
                limiter.recordFailure(InetAddress.getByName("198.51.100." + i), "1001");
                clock.addAndGet(20_000);
                assertTrue(limiter.tracked() <= 6, "tracked " + limiter.tracked());
            }
            assertTrue(limiter.isBlocked(bad, "1001"));
            assertTrue(log.warned("SIP user 1001 from 192.0.2.3 blocked"), log.warnings().toString());
        }
    }
}
