package acd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.event.AcdEvent;
import acd.queue.QueuePlace;
import acd.queue.WaitEstimate;
import acd.strategy.StrategyKind;
import java.util.List;
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

    /**
     * The joining event comes before routing, and its position counts callers already ringing an
     * agent: at 50 calls/s with 300 ms rings that is position ~16 with nobody waiting.
     */
    @Test
    void positionAtJoinCountsCallersAlreadyRingingAnAgentAndSaysHowMany() {
        Rig r = new Rig().agents("a", "b", "c").queue("q", StrategyKind.PRIORITY, "a", "b", "c").apply();
        r.online("a", "b", "c");
        r.call("c1", "q");
        r.call("c2", "q");
        r.call("c3", "q");
        assertEquals(new AcdEvent.CallQueued(r.now, "c3", "q", 0, 3, 2), queued(r, "c3"));
        assertEquals(List.of("a", "b", "c"), r.rings(), "c3 rings c at the instant it joins: nobody waits");
        r.call("c4", "q");
        assertEquals(new AcdEvent.CallQueued(r.now, "c4", "q", 0, 4, 3), queued(r, "c4"));
        r.call("vip", "q", 5);
        assertEquals(new AcdEvent.CallQueued(r.now, "vip", "q", 5, 1, 0), queued(r, "vip"),
                "callers being rung with a lower priority are behind a priority caller");
    }

    private static AcdEvent.CallQueued queued(Rig r, String callId) {
        return r.events.stream().filter(e -> e instanceof AcdEvent.CallQueued q && q.callId().equals(callId))
                .map(e -> (AcdEvent.CallQueued) e).findFirst().orElseThrow();
    }
}
