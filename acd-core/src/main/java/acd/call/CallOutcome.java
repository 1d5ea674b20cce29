package acd.call;

/** How a call left its queue; every call gets exactly one. */
public enum CallOutcome {
    /** Answered by an agent, then hung up by either side. */
    COMPLETED,
    /** Answered, then hung up by the server because a side sent no RTP for the media timeout. */
    MEDIA_TIMEOUT,
    /** The caller hung up before an agent answered. */
    ABANDONED,
    /** Waited past the queue's max wait time; sent on to the queue's fallback. */
    TIMED_OUT,
    /** No staffed agent and the queue's policy is fallback. */
    NO_AGENTS,
    /** The queue was at its max length. */
    QUEUE_FULL,
    /** The queue was removed from the config while the caller waited. */
    QUEUE_REMOVED,
    /** The call named a queue the core does not know. */
    UNKNOWN_QUEUE;

    /** An agent took the call: it has a talk time and wrap-up follows. */
    public boolean answered() {
        return this == COMPLETED || this == MEDIA_TIMEOUT;
    }
}
