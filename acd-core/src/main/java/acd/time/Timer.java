package acd.time;

import acd.index.IndexedHeap;

/**
 * A deadline owned by one object (a call's ring timeout, an agent's wrap-up) and reused for
 * its whole life, so scheduling never allocates. Schedule and cancel it through a {@link TimerQueue}.
 */
public final class Timer implements IndexedHeap.Element {
    private final TimerAction action;
    long deadlineMs;
    long seq;
    private int heapIndex = IndexedHeap.NOT_IN_HEAP;

    public Timer(TimerAction action) {
        this.action = action;
    }

    public boolean isScheduled() {
        return heapIndex != IndexedHeap.NOT_IN_HEAP;
    }

    public long deadlineMs() {
        return deadlineMs;
    }

    void fire(long nowMs) {
        action.onTimer(nowMs);
    }

    @Override
    public int heapIndex() {
        return heapIndex;
    }

    @Override
    public void heapIndex(int index) {
        heapIndex = index;
    }
}
