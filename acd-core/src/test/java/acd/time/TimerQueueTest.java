package acd.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    @Test
    void firesInDeadlineOrderThenSchedulingOrder() {
        TimerQueue q = new TimerQueue();
        List<String> fired = new ArrayList<>();
        Timer a = new Timer(now -> fired.add("a@" + now));
        Timer b = new Timer(now -> fired.add("b@" + now));
        Timer c = new Timer(now -> fired.add("c@" + now));
        q.schedule(a, 30);
        q.schedule(b, 10);
        q.schedule(c, 10);
        assertEquals(10, q.nextDeadlineMs());
        assertEquals(2, q.poll(20, 10));
        assertEquals(List.of("b@20", "c@20"), fired);
        assertEquals(1, q.poll(30, 10));
        assertEquals(TimerQueue.NO_DEADLINE, q.nextDeadlineMs());
    }

    @Test
    void rescheduleMovesAndCancelRemoves() {
        TimerQueue q = new TimerQueue();
        List<String> fired = new ArrayList<>();
        Timer a = new Timer(now -> fired.add("a"));
        q.schedule(a, 10);
        q.schedule(a, 50);
        assertEquals(0, q.poll(40, 10));
        q.cancel(a);
        assertFalse(a.isScheduled());
        assertEquals(0, q.poll(100, 10));
        assertEquals(List.of(), fired);
    }

    @Test
    void pollIsBoundedSoCommandsAreNotStarved() {
        TimerQueue q = new TimerQueue();
        for (int i = 0; i < 10; i++) {
            q.schedule(new Timer(now -> { }), i);
        }
        assertEquals(4, q.poll(100, 4));
        assertEquals(6, q.size());
    }
}
