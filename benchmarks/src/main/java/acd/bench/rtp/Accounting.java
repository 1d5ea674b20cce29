package acd.bench.rtp;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sockets of one side receive: the marked streams of the other side (counted per
 * stream when their send stamp lies in the steady window: packets, sequence gaps and
 * reorders, one-way transit, RFC 3550 interarrival jitter), packets the server played itself
 * (unmarked), RTCP, and whether each socket hears one stream only (a socket hearing a second
 * one means the server crossed two calls). Owned by one receiving thread.
 */
final class Accounting {
    private final int streamBase;
    private final long[] received;
    private final int[] nextSeq;
    private final long[] lastTransit;
    private final long[] jitter16; // RFC 3550 jitter in nanos, times 16 (its integer form)
    private final int[] peer;      // the stream each socket hears, -1 before the first
    private final Histogram transit = new Histogram();
    private long[] maxBySecond = new long[0]; // the worst transit of each second of the window: where stalls were
    private final AtomicInteger bridged = new AtomicInteger();
    private long gaps;
    private long reordered;
    private long misrouted;
    private long unmarked;
    private long rtcp;
    private long strange;

    /** {@code sockets} on this side, hearing the streams numbered from {@code streamBase}. */
    Accounting(int sockets, int streamBase) {
        this.streamBase = streamBase;
        received = new long[sockets];
        nextSeq = new int[sockets];
        lastTransit = new long[sockets];
        jitter16 = new long[sockets];
        peer = new int[sockets];
        java.util.Arrays.fill(peer, -1);
        java.util.Arrays.fill(nextSeq, -1);
    }

    /** A marked packet arrived on a socket of this side. */
    void marked(int socket, int streamId, int seq, long sentNanos, long arrivalNanos, Window window) {
        int stream = streamId - streamBase;
        if (stream < 0 || stream >= received.length) {
            strange++;
            return;
        }
        if (peer[socket] < 0) {
            peer[socket] = streamId;
            bridged.incrementAndGet();
        } else if (peer[socket] != streamId) {
            misrouted++;
        }
        if (!window.contains(sentNanos)) {
            return;
        }
        received[stream]++;
        if (nextSeq[stream] >= 0 && seq != nextSeq[stream]) {
            if (seq > nextSeq[stream]) {
                gaps += seq - nextSeq[stream];
            } else {
                reordered++;
            }
        }
        long t = arrivalNanos - sentNanos;
        if (nextSeq[stream] >= 0) {
            long d = Math.abs(t - lastTransit[stream]);
            jitter16[stream] += d - ((jitter16[stream] + 8) >> 4);
        }
        lastTransit[stream] = t;
        nextSeq[stream] = Math.max(nextSeq[stream], seq + 1);
        transit.add(t);
        int second = (int) ((sentNanos - window.startNanos()) / 1_000_000_000L);
        if (second >= maxBySecond.length) {
            maxBySecond = java.util.Arrays.copyOf(maxBySecond, second + 1);
        }
        maxBySecond[second] = Math.max(maxBySecond[second], t);
    }

    void unmarked() {
        unmarked++;
    }

    void rtcp() {
        rtcp++;
    }

    /** Not RTP at all, or a marked stream of the wrong side. */
    void strange() {
        strange++;
    }

    /** Sockets that have heard a marked stream: the calls bridged towards this side. */
    int bridged() {
        return bridged.get();
    }

    /** The figures so far, against what the other side sent in the window (by stream). */
    Result result(long[] sentInWindow) {
        long sent = 0;
        long got = 0;
        int lossy = 0;
        long jitterSum = 0;
        long jitterMax = 0;
        int streams = 0;
        for (int i = 0; i < received.length; i++) {
            sent += sentInWindow[i];
            got += received[i];
            lossy += sentInWindow[i] > received[i] ? 1 : 0;
            if (received[i] > 1) {
                streams++;
                jitterSum += jitter16[i] >> 4;
                jitterMax = Math.max(jitterMax, jitter16[i] >> 4);
            }
        }
        return new Result(sent, got, lossy, gaps, reordered, misrouted, unmarked, rtcp, strange,
                bridged.get(), transit.quantileNanos(0.5), transit.quantileNanos(0.99),
                transit.quantileNanos(0.999), transit.maxNanos(), maxBySecond.clone(),
                streams == 0 ? 0 : jitterSum / streams, jitterMax);
    }

    /** One direction's figures; times in nanos. Lost = sent in the window and never received. */
    record Result(long sent, long received, int streamsWithLoss, long gaps, long reordered, long misrouted,
                  long unmarked, long rtcp, long strange, int bridged, long transitP50, long transitP99,
                  long transitP999, long transitMax, long[] transitMaxBySecond, long jitterMean, long jitterMax) {
        long lost() {
            return sent - received;
        }

        /** How much later than the usual packet the 99th percentile one comes. */
        long addedJitterP99() {
            return transitP99 - transitP50;
        }
    }
}
