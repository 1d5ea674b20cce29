package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import ivr.testkit.ExpectedLog;
import org.junit.jupiter.api.Test;

/** The leak check of the RTP tests finds a leak when there is one, so its silence means something. */
class LeakCheckTest {

    @Test
    void findsABufferThatWasNeverReleased() {
        try (ExpectedLog log = ExpectedLog.of(ResourceLeakDetector.class)) {
            LeakCheck.install();
            ByteBufAllocator.DEFAULT.directBuffer(64).writeInt(42);
            boolean found = false;
            for (int round = 0; round < 20 && !found; round++) {
                found = !LeakCheck.leaks().isEmpty();
            }
            LeakCheck.clear();
            assertTrue(found, "the deliberate leak was not reported");
            assertTrue(log.warned("LEAK"), log.warnings().toString());
        }
    }
}
