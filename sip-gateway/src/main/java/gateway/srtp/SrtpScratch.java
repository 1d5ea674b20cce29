package gateway.srtp;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * The work arrays of SRTP, one set per thread: a call loop's streams take turns on it, so the
 * few hundred bytes a packet touches stay hot in the cache however many streams the loop runs,
 * where arrays of their own (6 KB a leg) went cold between two packets of one stream.
 */
final class SrtpScratch {
    /** Enough for the largest datagram the relay takes. */
    static final int MAX_BYTES = 2048;

    private static final FastThreadLocal<SrtpScratch> LOCAL = new FastThreadLocal<>() {
        @Override
        protected SrtpScratch initialValue() {
            return new SrtpScratch();
        }
    };

    /** A packet copied out of its buffer while it is worked on. */
    final byte[] packet = new byte[MAX_BYTES];
    /** The counter blocks of one packet's keystream. */
    final byte[] counters = new byte[MAX_BYTES];
    final byte[] keystream = new byte[MAX_BYTES];

    private SrtpScratch() {
    }

    static SrtpScratch current() {
        return LOCAL.get();
    }
}
