package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check of the RTP tests finds a leak when there is one, so its silence means something. */
class LeakCheckTest {

    @Test
    void findsABufferThatWasNeverReleased() {
        LeakCheck.install();
        ByteBufAllocator.DEFAULT.directBuffer(64).writeInt(42);
        boolean found = false;
        for (int round = 0; round < 20 && !found; round++) {
            found = !LeakCheck.leaks().isEmpty();
        }
        LeakCheck.clear();
        assertTrue(found, "the deliberate leak was not reported");
    }
}
