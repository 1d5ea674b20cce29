package acd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.queue.QueuePlace;
import acd.queue.WaitEstimate;
import acd.strategy.StrategyKind;
import org.junit.jupiter.api.Test;

/** The core answers a caller's place in line and expected wait; nobody keeps a second copy of the line. */
class QueuePlaceTest {

    @Test
    void positionCountsCallersAheadWithCallerPriorityFirst() {
        Rig r = new Rig().agents("a").queue("q", StrategyKind.PRIORITY, "a").apply();
        r.call("c1", "q");
        r.call("c2", "q");
        r.call("vip", "q", 5);
        assertEquals(2, r.engine.place("c1").position());
        assertEquals(3, r.engine.place("c2").position());
        assertEquals(1, r.engine.place("vip").position());
        assertEquals(QueuePlace.NOT_QUEUED, r.engine.place("unknown"));
    }

    @Test
    void expectedWaitIsTheMedianOfAnsweredWaitsMinusWhatTheCallerWaited() {
        Rig r = new Rig().agents("a").queue("q", StrategyKind.PRIORITY, "a").apply();
        r.online("a");
        r.call("c1", "q");
        assertEquals(QueuePlace.UNKNOWN_WAIT, r.engine.place("c1").expectedWaitMs(), "no answered call yet");
        r.advance(3000);
        r.answer("c1", "a");
        assertEquals(QueuePlace.NOT_QUEUED, r.engine.place("c1"), "bridged: not in line");
        r.call("c2", "q");
        r.advance(1000);
        QueuePlace p = r.engine.place("c2");
        assertEquals(1, p.position());
        assertEquals(3000 - 1000, p.expectedWaitMs());
    }

    @Test
    void estimateUsesTheMedianOfTheLastTwentyAnswers() {
        WaitEstimate w = new WaitEstimate();
        for (long ms : new long[] {10, 20, 30, 1000}) {
            w.answered(ms);
        }
        assertEquals(25, w.remainingMs(0));
        assertEquals(0, w.remainingMs(100));
        for (int i = 0; i < 25; i++) {
            w.answered(500);
        }
        assertEquals(500, w.remainingMs(0), "older answers rolled out");
    }
}
