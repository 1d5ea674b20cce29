package acd.bench.rtp;

/**
 * Transit times: 10 µs buckets up to 100 ms, 1 ms buckets from there to 10 s (later ones in the
 * last), and the exact max. Fine where the goal lies (a few ms), still honest about stalls.
 */
final class Histogram {
    private static final long FINE_NANOS = 10_000;
    private static final long COARSE_NANOS = 1_000_000;
    private static final long FINE_LIMIT_NANOS = 100_000_000;
    private static final int FINE_BUCKETS = (int) (FINE_LIMIT_NANOS / FINE_NANOS);
    private final long[] counts = new long[FINE_BUCKETS + 9_900];
    private long total;
    private long maxNanos;

    void add(long nanos) {
        long t = Math.max(nanos, 0);
        long bucket = t < FINE_LIMIT_NANOS ? t / FINE_NANOS : FINE_BUCKETS + (t - FINE_LIMIT_NANOS) / COARSE_NANOS;
        counts[(int) Math.min(bucket, counts.length - 1)]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long maxNanos() {
        return maxNanos;
    }

    /** The value under which the fraction q of the samples lie (a bucket's middle); 0 if empty. */
    long quantileNanos(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == counts.length - 1 ? maxNanos : Math.min(middle(i), maxNanos); // the last holds all later
            }
        }
        return maxNanos;
    }

    private static long middle(int bucket) {
        return bucket < FINE_BUCKETS ? bucket * FINE_NANOS + FINE_NANOS / 2
                : FINE_LIMIT_NANOS + (bucket - FINE_BUCKETS) * COARSE_NANOS + COARSE_NANOS / 2;
    }
}
