package acd.port;

import acd.call.CallOutcome;
import acd.call.CancelReason;

/**
 * What the routing core asks of the outside world (the SIP gateway in production, a recorder
 * in tests). Called on the core's loop thread: implementations hand the work to their own
 * threads and return at once, never blocking and never calling back into the core directly.
 */
public interface CallControl {
    /** Ring {@code agentId}'s phones for {@code callId}; the core cancels after {@code ringTimeoutMs}. */
    void ringAgent(String callId, String agentId, long ringTimeoutMs);

    /** Stop ringing {@code agentId}; if that leg answered meanwhile, hang it up. */
    void cancelRing(String callId, String agentId, CancelReason reason);

    /** {@code agentId} answered: connect the caller to that leg. */
    void bridge(String callId, String agentId);

    /**
     * The caller leaves {@code queueId} without an agent; the gateway sends it on to that queue's
     * fallback. {@link CallOutcome#UNKNOWN_QUEUE} (no such queue) means: hang up.
     */
    void leaveQueue(String callId, String queueId, CallOutcome outcome);
}
