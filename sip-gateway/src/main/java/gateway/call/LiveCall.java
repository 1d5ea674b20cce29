package gateway.call;

/**
 * What a call in progress looks like from outside its loop: published by the call on each phase
 * change, read by the admin API from any thread.
 *
 * @param queueId the queue it waits in or was bridged from, or null
 * @param agentId the agent it is bridged to, or null
 */
public record LiveCall(String callId, String dialed, String callerNumber, CallPhase phase, String queueId,
                       String agentId, long arrivedMs, long phaseSinceMs) {
}
