package acd.bench.rtp;

/** Transit times in 10 µs buckets up to one second (later ones in the last), and the exact max. */
final class Histogram {
    static final long BUCKET_NANOS = 10_000;
    private final long[] counts = new long[100_000];
    private long total;
    private long maxNanos;

    void add(long nanos) {
        int bucket = (int) Math.min(Math.max(nanos, 0) / BUCKET_NANOS, counts.length - 1);
        counts[bucket]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long total() {
        return total;
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
                return Math.min(i * BUCKET_NANOS + BUCKET_NANOS / 2, maxNanos);
            }
        }
        return maxNanos;
    }

    void addAll(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }
}
