package acd.event;

import acd.agent.AgentState;
import acd.call.CallOutcome;
import acd.call.RingEnd;

/** What happened in the routing core, for metrics, call records and the admin API. */
public sealed interface AcdEvent {
    long atMs();

    record CallQueued(long atMs, String callId, String queueId, int priority, int position) implements AcdEvent {
    }

    record AgentRinging(long atMs, String callId, String queueId, String agentId) implements AcdEvent {
    }

    record RingNoAnswer(long atMs, String callId, String queueId, String agentId, RingEnd reason) implements AcdEvent {
    }

    record CallAnswered(long atMs, String callId, String queueId, String agentId, long waitMs) implements AcdEvent {
    }

    /**
     * The call left the core, exactly once per call.
     *
     * @param agentId the agent who took it, or null
     * @param talkMs  0 unless {@link CallOutcome#COMPLETED}
     */
    record CallEnded(long atMs, String callId, String queueId, String agentId, CallOutcome outcome,
                     long waitMs, long talkMs) implements AcdEvent {
    }

    record AgentStateChanged(long atMs, String agentId, AgentState from, AgentState to, String reason) implements AcdEvent {
    }
}
