package acd.bench.rtp;

/** The steady window, in System.nanoTime(): what is sent and stamped inside it is counted. */
record Window(long startNanos, long endNanos) {
    /** Before the window is set: counts nothing. */
    static final Window NONE = new Window(Long.MAX_VALUE, Long.MAX_VALUE);

    boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }
}
