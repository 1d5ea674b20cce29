package gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallLoopsTest {

    @Test
    void choosesEpollWhereItIsAvailable() {
        assertEquals(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO, Transport.best());
    }

    @Test
    void pinsEachCallToOneLoopAndSpreadsCallsOverAll() {
        for (Transport transport : Transport.values()) {
            if (transport == Transport.EPOLL && !Epoll.isAvailable()) {
                continue;
            }
            try (CallLoops loops = new CallLoops(transport, 3)) {
                Set<EventLoop> used = new HashSet<>();
                for (int i = 0; i < 300; i++) {
                    String callId = "a84b4c76e66710-" + i + "@192.0.2.4";
                    EventLoop loop = loops.loopFor(callId);
                    assertSame(loop, loops.loopFor(callId));
                    assertTrue(loops.loops().contains(loop));
                    used.add(loop);
                }
                assertEquals(3, used.size());
                assertEquals(3, loops.loops().size());
            }
        }
    }
}
