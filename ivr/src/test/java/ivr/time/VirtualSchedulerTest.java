package ivr.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    @Test
    void firesInDeadlineOrderWithTheClockAtEachDeadline() {
        VirtualScheduler s = new VirtualScheduler(1000);
        List<String> fired = new ArrayList<>();
        s.schedule(300, () -> fired.add("c@" + s.nowMs()));
        s.schedule(100, () -> fired.add("a@" + s.nowMs()));
        s.schedule(100, () -> fired.add("b@" + s.nowMs()));
        s.advance(250);
        assertEquals(List.of("a@1100", "b@1100"), fired);
        assertEquals(1250, s.nowMs());
        s.advance(50);
        assertEquals(List.of("a@1100", "b@1100", "c@1300"), fired);
    }

    @Test
    void tasksScheduledWhileAdvancingRunInTheSameAdvance() {
        VirtualScheduler s = new VirtualScheduler();
        List<Long> fired = new ArrayList<>();
        s.schedule(10, () -> {
            fired.add(s.nowMs());
            s.schedule(10, () -> fired.add(s.nowMs()));
        });
        s.advance(100);
        assertEquals(List.of(10L, 20L), fired);
    }

    @Test
    void cancelledTasksDoNotRun() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> fired = new ArrayList<>();
        Cancellable c = s.schedule(10, () -> fired.add("x"));
        assertEquals(1, s.pending());
        c.cancel();
        assertEquals(0, s.pending());
        s.advance(20);
        assertEquals(List.of(), fired);
    }

    @Test
    void refusesToGoBack() {
        VirtualScheduler s = new VirtualScheduler(50);
        assertThrows(IllegalArgumentException.class, () -> s.advanceTo(10));
        assertThrows(IllegalArgumentException.class, () -> s.schedule(-1, () -> { }));
    }
}
