package acd.queue;

import java.util.Arrays;

/**
 * Expected remaining wait in one queue: the median wait of the last {@value #KEEP} answered
 * calls minus what this caller has waited already. The median, not the mean, so one caller
 * forgotten in the queue for an hour does not make every announcement pessimistic.
 */
public final class WaitEstimate {
    static final int KEEP = 20;

    private final long[] recent = new long[KEEP];
    private final long[] sorted = new long[KEEP];
    private int count;
    private int next;

    /** An answered call waited {@code waitMs}. */
    public void answered(long waitMs) {
        recent[next] = waitMs;
        next = (next + 1) % KEEP;
        count = Math.min(count + 1, KEEP);
    }

    /** Expected remaining wait for a caller who waited {@code waitedMs}, or {@link QueuePlace#UNKNOWN_WAIT}. */
    public long remainingMs(long waitedMs) {
        if (count == 0) {
            return QueuePlace.UNKNOWN_WAIT;
        }
        System.arraycopy(recent, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        int mid = count / 2;
        long median = count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.max(0, median - waitedMs);
    }
}
