package acd.time;

import acd.index.IndexedHeap;

/**
 * All timers of one event loop, ordered by deadline (ties in scheduling order, so virtual time
 * replays identically). Single-threaded: only the owning loop touches it.
 */
public final class TimerQueue {
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private final IndexedHeap<Timer> heap = new IndexedHeap<>(TimerQueue::compare, 64);
    private long nextSeq;

    private static int compare(Timer a, Timer b) {
        int c = Long.compare(a.deadlineMs, b.deadlineMs);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    }

    /** Schedules (or moves) {@code timer} to fire at {@code deadlineMs}. */
    public void schedule(Timer timer, long deadlineMs) {
        if (timer.isScheduled()) {
            heap.remove(timer);
        }
        timer.deadlineMs = deadlineMs;
        timer.seq = nextSeq++;
        heap.add(timer);
    }

    public void cancel(Timer timer) {
        if (timer.isScheduled()) {
            heap.remove(timer);
        }
    }

    /** The earliest deadline, or {@link #NO_DEADLINE}. */
    public long nextDeadlineMs() {
        Timer head = heap.peek();
        return head == null ? NO_DEADLINE : head.deadlineMs;
    }

    /**
     * Fires every timer due at {@code nowMs}, at most {@code limit} of them, so one poll cannot
     * starve the loop's command queue. A timer scheduled by an action for a deadline already
     * passed fires in the same poll.
     *
     * @return how many fired
     */
    public int poll(long nowMs, int limit) {
        int fired = 0;
        while (fired < limit) {
            Timer head = heap.peek();
            if (head == null || head.deadlineMs > nowMs) {
                break;
            }
            heap.poll();
            head.fire(nowMs);
            fired++;
        }
        return fired;
    }

    public int size() {
        return heap.size();
    }
}
