package acd.engine;

import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.queue.QueueSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's advance fires at most a cap of timers; virtual time still fires every one, each at its deadline. */
class TimerCapTest {
    private static final int CALLS = 600;
    private static final long MAX_WAIT_MS = 60_000;

    private static Rig callersWithMaxWait() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a"))
                .withMaxWait(MAX_WAIT_MS)).apply();
        for (int i = 0; i < CALLS; i++) {
            rig.call("c" + i, "q");
            rig.now += 7;
        }
        rig.events.clear();
        return rig;
    }

    private static void assertEachAtItsDeadline(List<AcdEvent.CallEnded> ended, long firstEnqueuedMs) {
        for (int i = 0; i < ended.size(); i++) {
            AcdEvent.CallEnded e = ended.get(i);
            assertEquals("c" + i, e.callId(), "deadline order");
            assertEquals(CallOutcome.TIMED_OUT, e.outcome());
            assertEquals(firstEnqueuedMs + 7L * i + MAX_WAIT_MS, e.atMs(), "at its own deadline: " + e);
        }
    }

    @Test
    void aCappedAdvanceStopsAtTheCapAndTheNextOneGoesOn() {
        Rig rig = callersWithMaxWait();
        long first = rig.now - 7L * CALLS;
        long target = rig.now + MAX_WAIT_MS;
        assertFalse(rig.engine.advanceTo(target, AcdEngine.TIMER_CAP));
        assertEquals(AcdEngine.TIMER_CAP, rig.ended().size());
        assertTrue(rig.engine.nowMs() < target, "time stops where the cap did");
        assertFalse(rig.engine.advanceTo(target, AcdEngine.TIMER_CAP));
        assertTrue(rig.engine.advanceTo(target, AcdEngine.TIMER_CAP));
        assertEquals(target, rig.engine.nowMs());
        assertEquals(CALLS, rig.ended().size());
        assertEachAtItsDeadline(rig.ended(), first);
    }

    @Test
    void virtualTimeFiresEveryDueTimerInOneAdvance() {
        Rig rig = callersWithMaxWait();
        long first = rig.now - 7L * CALLS;
        rig.advance(MAX_WAIT_MS);
        assertEquals(CALLS, rig.ended().size());
        assertEachAtItsDeadline(rig.ended(), first);
        assertEquals(0, rig.engine.callCount());
    }
}
