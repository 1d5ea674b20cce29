package acd.call;

/** Why the core asks the gateway to stop ringing an agent. */
public enum CancelReason {
    /** The ring timeout passed without an answer. */
    TIMEOUT,
    /** Another agent (ring-all) answered first; also sent for an answer that came too late. */
    ANSWERED_ELSEWHERE,
    /** The caller hung up. */
    CALLER_GONE,
    /** The caller left the queue (max wait, queue removed). */
    LEFT_QUEUE,
    /** The agent logged out, paused, became unreachable or was removed. */
    AGENT_UNAVAILABLE
}
