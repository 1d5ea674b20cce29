package acd.event;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.RingEnd;

/** What happened in the routing core, for metrics, call records and the admin API. */
public sealed interface AcdEvent {
    long atMs();

    /**
     * A caller joined a queue's line, before routing looked at it.
     *
     * @param position     1-based place in line, counting callers waiting and callers already ringing an agent
     * @param ringingAhead how many of the callers ahead are already ringing an agent (not waiting for one)
     */
    record CallQueued(long atMs, String callId, String queueId, int priority, int position, int ringingAhead)
            implements AcdEvent {
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
     * @param talkMs  0 unless {@link CallOutcome#answered()}; for MEDIA_TIMEOUT up to the last RTP packet
     */
    record CallEnded(long atMs, String callId, String queueId, String agentId, CallOutcome outcome,
                     long waitMs, long talkMs) implements AcdEvent {
    }

    /** A call moved in its state machine ({@link CallState}); {@code from} is NEW when it joined the line. */
    record CallStateChanged(long atMs, String callId, String queueId, CallState from, CallState to, String reason)
            implements AcdEvent {
    }

    /** The agent or a supervisor changed the agent's status (or auto-pause did). */
    record AgentStatusChanged(long atMs, String agentId, AgentStatus from, AgentStatus to, String reason)
            implements AcdEvent {
    }

    /** A call moved the agent's state. */
    record AgentStateChanged(long atMs, String agentId, AgentState from, AgentState to, String reason) implements AcdEvent {
    }

    /** The gateway found the agent reachable (a registered phone, a device) or not any more. */
    record AgentReachabilityChanged(long atMs, String agentId, boolean reachable) implements AcdEvent {
    }

    /**
     * A call the agent made themselves (dialling in, a feature code) started or ended: busy for
     * routing while one lasts. {@code onOwnCall} is whether any is still in progress.
     */
    record AgentOwnCallChanged(long atMs, String agentId, String callId, boolean onOwnCall) implements AcdEvent {
    }
}
