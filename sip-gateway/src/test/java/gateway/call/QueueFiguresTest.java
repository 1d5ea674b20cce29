package gateway.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import ivr.queue.QueueStatus;
import org.junit.jupiter.api.Test;

class QueueFiguresTest {
    private final QueueFigures figures = new QueueFigures();

    private void queued(String call, String queue) {
        figures.onEvent(new AcdEvent.CallQueued(0, call, queue, 0, 0));
    }

    @Test
    void positionsFollowArrivalAndMoveUpAsCallsLeave() {
        queued("a", "sales");
        queued("b", "sales");
        queued("c", "sales");
        queued("x", "support");
        QueueStatus c = figures.statusOf("c", "sales");
        assertEquals(3, c.position());
        assertEquals(1, figures.position("x", "support"));

        figures.onEvent(new AcdEvent.CallAnswered(10, "a", "sales", "alice", 4_000));
        assertEquals(2, c.position());
        figures.onEvent(new AcdEvent.CallEnded(11, "b", "sales", null, CallOutcome.ABANDONED, 5_000, 0));
        assertEquals(1, c.position());
        assertEquals(0, figures.position("b", "sales"), "gone");
        assertArrayEquals(new long[] {4_000}, c.recentAnsweredWaitsMs());
    }

    @Test
    void aCallRequeuedElsewhereLeavesItsOldLine() {
        queued("a", "sales");
        queued("b", "sales");
        queued("a", "support");
        assertEquals(1, figures.position("b", "sales"));
        assertEquals(1, figures.position("a", "support"));
    }

    @Test
    void onlyTheLastAnsweredWaitsAreKept() {
        for (int i = 0; i < QueueFigures.RECENT_WAITS + 5; i++) {
            queued("c" + i, "q");
            figures.onEvent(new AcdEvent.CallAnswered(i, "c" + i, "q", "alice", i));
        }
        long[] waits = figures.recentAnsweredWaitsMs("q");
        assertEquals(QueueFigures.RECENT_WAITS, waits.length);
        assertEquals(5, waits[0]);
    }
}
