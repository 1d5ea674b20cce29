package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.PortRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutEvenPortsRoundRobin() {
        PortAllocator ports = new PortAllocator(new PortRange(20001, 20008));
        assertEquals(3, ports.range().pairs());
        assertEquals(20002, ports.allocate());
        assertEquals(20004, ports.allocate());
        ports.release(20002);
        assertEquals(20006, ports.allocate());
        assertEquals(20002, ports.allocate());
        assertEquals(3, ports.inUse());
    }

    @Test
    void anExhaustedRangeSaysSo() {
        PortAllocator ports = new PortAllocator(new PortRange(30000, 30003));
        ports.allocate();
        ports.allocate();
        PortsExhaustedException e = assertThrows(PortsExhaustedException.class, ports::allocate);
        assertEquals("no free RTP port pair in 30000-30003: all 2 pairs are in use", e.getMessage());
        ports.release(30002);
        assertEquals(30002, ports.allocate());
    }

    @Test
    void aPairTakenElsewhereIsSkippedForTheHoldThenTriedAgain() {
        long[] now = {System.nanoTime()};
        PortAllocator ports = new PortAllocator(new PortRange(30000, 30005), Duration.ofSeconds(30), () -> now[0]);
        assertEquals(30000, ports.allocate());
        assertEquals(1, ports.takenElsewhere(30000));
        assertThrows(IllegalStateException.class, () -> ports.release(30000), "set aside, not ours");
        assertEquals(30002, ports.allocate());
        assertEquals(30004, ports.allocate());
        ports.release(30002);
        assertEquals(30002, ports.allocate(), "30000 is skipped while held elsewhere");
        ports.release(30002);
        now[0] += Duration.ofSeconds(30).toNanos();
        assertEquals(30000, ports.allocate(), "tried again once the hold is over");
        assertEquals(0, ports.heldElsewhere());
        assertEquals(2, ports.inUse());
    }

    @Test
    void aRangeHeldElsewhereSaysByWhom() {
        long[] now = {0};
        PortAllocator ports = new PortAllocator(new PortRange(30000, 30005), Duration.ofSeconds(30), () -> now[0]);
        ports.allocate();
        ports.takenElsewhere(ports.allocate());
        ports.takenElsewhere(ports.allocate());
        PortsExhaustedException e = assertThrows(PortsExhaustedException.class, ports::allocate);
        assertEquals("no free RTP port pair in 30000-30005: 1 pairs are in use and 2 held by other processes"
                + " (set rtp.ports to a range nothing else uses)", e.getMessage());
        now[0] += Duration.ofSeconds(31).toNanos();
        assertEquals(30002, ports.allocate());
    }

    @Test
    void releaseChecksThePort() {
        PortAllocator ports = new PortAllocator(new PortRange(30000, 30009));
        int port = ports.allocate();
        ports.release(port);
        assertThrows(IllegalStateException.class, () -> ports.release(port));
        assertThrows(IllegalArgumentException.class, () -> ports.release(30001));
        assertThrows(IllegalArgumentException.class, () -> ports.release(40000));
    }

    @Test
    void rangesAreValidated() {
        // text is parsed (and "20000", "b-a" refused) by the config's Values.portRange: see ValuesTest
        assertThrows(IllegalArgumentException.class, () -> new PortRange(20999, 20000));
        assertThrows(IllegalArgumentException.class, () -> new PortRange(20001, 20001));
        assertThrows(IllegalArgumentException.class, () -> new PortRange(65000, 70000));
        assertEquals(500, new PortRange(20000, 20999).pairs());
    }

    @Test
    void threadsNeverShareAPairAndLeakNone() throws Exception {
        PortAllocator ports = new PortAllocator(new PortRange(20000, 20199));
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    Set<Integer> mine = new HashSet<>();
                    for (int i = 0; i < 5000; i++) {
                        if (mine.size() < 20) {
                            int port = ports.allocate();
                            assertTrue(held.add(port), "port " + port + " handed out twice");
                            mine.add(port);
                        } else {
                            int port = mine.iterator().next();
                            mine.remove(port);
                            held.remove(port);
                            ports.release(port);
                        }
                    }
                    for (int port : mine) {
                        held.remove(port);
                        ports.release(port);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, ports.inUse());
        assertEquals(100, drain(ports), "every pair is free again");
    }

    private static int drain(PortAllocator ports) {
        int n = 0;
        while (true) {
            try {
                ports.allocate();
                n++;
            } catch (PortsExhaustedException e) {
                return n;
            }
        }
    }
}
