package ivr.queue;

/**
 * Where a waiting caller stands, asked at each announcement. The routing core owns the line, so
 * the answer comes back later, on the call's loop (or at once, in tests).
 */
public interface QueueStatus {
    /** The expected remaining wait when no call of the queue was answered yet. */
    long UNKNOWN_WAIT = -1;

    /** Asks for the caller's place now; {@code answer} runs on the session's loop. */
    void ask(Answer answer);

    @FunctionalInterface
    interface Answer {
        /**
         * @param position       1 = next; 0 when unknown
         * @param expectedWaitMs expected remaining wait, or {@link #UNKNOWN_WAIT}
         */
        void place(int position, long expectedWaitMs);
    }
}
