package acd.call;

/** How a call left its queue; every call gets exactly one. */
public enum CallOutcome {
    /** Answered by an agent, then hung up by either side. */
    COMPLETED,
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
    UNKNOWN_QUEUE
}
