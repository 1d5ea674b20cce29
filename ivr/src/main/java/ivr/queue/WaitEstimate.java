package ivr.queue;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Expected remaining wait: the median wait of recently answered calls minus what this caller
 * has waited already. The median, not the mean, so one caller forgotten in the queue for an
 * hour does not make every announcement pessimistic.
 */
public final class WaitEstimate {
    private WaitEstimate() {
    }

    public static OptionalLong remainingMs(long[] recentAnsweredWaitsMs, long waitedMs) {
        if (recentAnsweredWaitsMs.length == 0) {
            return OptionalLong.empty();
        }
        long[] sorted = recentAnsweredWaitsMs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        long median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return OptionalLong.of(Math.max(0, median - waitedMs));
    }
}
