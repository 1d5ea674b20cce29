package ivr.queue;

/**
 * What the gateway tells a waiting caller's audio session about the queue, asked at each
 * announcement on the call's loop (the gateway keeps a copy of the core's figures there).
 */
public interface QueueStatus {

    /** The caller's place in line, 1 = next; 0 when unknown. */
    int position();

    /** How long recently answered calls of this queue waited, in ms; empty when none yet. */
    long[] recentAnsweredWaitsMs();
}
