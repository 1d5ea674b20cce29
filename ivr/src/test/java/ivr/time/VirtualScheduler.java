package ivr.time;

import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when told: {@link #advance(long)} runs every task that
 * falls due, in deadline order (ties in scheduling order), with {@link #nowMs()} set to each
 * task's deadline while it runs. Single-threaded, for tests of this module and the gateway.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long nowMs;
    private long nextSeq;

    public VirtualScheduler() {
        this(0);
    }

    public VirtualScheduler(long startMs) {
        this.nowMs = startMs;
    }

    @Override
    public long nowMs() {
        return nowMs;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs=" + delayMs + " must not be negative");
        }
        Task t = new Task(nowMs + delayMs, nextSeq++, task);
        tasks.add(t);
        return t;
    }

    /** Moves the clock forward by {@code deltaMs}, running every task due on the way. */
    public void advance(long deltaMs) {
        if (deltaMs < 0) {
            throw new IllegalArgumentException("deltaMs=" + deltaMs + " must not be negative");
        }
        advanceTo(nowMs + deltaMs);
    }

    /** Moves the clock to {@code targetMs}, running every task due on the way. */
    public void advanceTo(long targetMs) {
        if (targetMs < nowMs) {
            throw new IllegalArgumentException("targetMs=" + targetMs + " is before nowMs=" + nowMs);
        }
        Task next;
        while ((next = tasks.peek()) != null && next.deadlineMs <= targetMs) {
            tasks.poll();
            nowMs = next.deadlineMs;
            if (!next.cancelled) {
                next.task.run();
            }
        }
        nowMs = targetMs;
    }

    /** Runs the tasks already due at the current time (those scheduled with delay 0). */
    public void runDue() {
        advanceTo(nowMs);
    }

    /** Number of tasks scheduled and not yet run or cancelled. */
    public int pending() {
        int n = 0;
        for (Task t : tasks) {
            if (!t.cancelled) {
                n++;
            }
        }
        return n;
    }

    private static final class Task implements Cancellable, Comparable<Task> {
        final long deadlineMs;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(long deadlineMs, long seq, Runnable task) {
            this.deadlineMs = deadlineMs;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(deadlineMs, o.deadlineMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
