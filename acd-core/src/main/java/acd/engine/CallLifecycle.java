package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.Call;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.queue.NoAgentsPolicy;
import acd.queue.Queue;
import acd.queue.QueueSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's life in the core, from joining a queue's line to leaving the core: the commands
 * about calls, the ring and max-wait timeouts, the end of each ring, and {@link #callState},
 * the one place a call changes state, which owns each state's entry and exit actions.
 */
final class CallLifecycle implements Call.Owner {
    private static final Logger log = LoggerFactory.getLogger(CallLifecycle.class);
    static final String NO_ANSWER = "no answer";

    private final CoreState core;
    private final AgentLifecycle agents;
    private long nextCallSeq;

    CallLifecycle(CoreState core, AgentLifecycle agents) {
        this.core = core;
        this.agents = agents;
    }

    /**
     * A caller joins {@code queueId} with a caller priority (0 = normal, higher goes first). A full
     * queue, a queue with no staffed agent under the fallback policy, or an unknown queue send the
     * caller on at once through {@link acd.port.CallControl#leaveQueue}.
     */
    void enqueue(String callId, String queueId, int priority) {
        if (core.calls.containsKey(callId)) {
            log.warn("call {} is already queued; second enqueue ignored", callId);
            return;
        }
        if (priority < 0) {
            throw new IllegalArgumentException("call " + callId + ": caller priority must be >= 0, was " + priority);
        }
        Queue q = core.queues.get(queueId);
        if (q == null) {
            // only a reload racing a caller gets here (the config check rejects unknown queue references)
            log.info("call {}: unknown queue '{}' (known: {}); the caller is sent on", callId, queueId, core.queues.keySet());
            refuse(callId, queueId, CallOutcome.UNKNOWN_QUEUE);
            return;
        }
        QueueSpec spec = q.spec();
        if (spec.maxLength() > 0 && q.lineSize() >= spec.maxLength()) {
            refuse(callId, queueId, CallOutcome.QUEUE_FULL);
            return;
        }
        if (spec.whenNoAgents() == NoAgentsPolicy.FALLBACK && q.staffedCount() == 0) {
            refuse(callId, queueId, CallOutcome.NO_AGENTS);
            return;
        }
        Call call = new Call(callId, q, priority, nextCallSeq++, core.nowMs, this);
        core.calls.put(callId, call);
        callState(call, CallState.WAITING, "queued");
        int position = priority == 0 ? q.lineSize() : q.positionOf(call);
        core.events.onEvent(new AcdEvent.CallQueued(core.nowMs, callId, queueId, priority, position, q.ringingAhead(call)));
    }

    /** A caller the core never took in: sent on at once, and ended. */
    private void refuse(String callId, String queueId, CallOutcome outcome) {
        core.control.leaveQueue(callId, queueId, outcome);
        core.events.onEvent(new AcdEvent.CallEnded(core.nowMs, callId, queueId, null, outcome, 0, 0));
    }

    /** An agent's leg answered. A late answer (ring already cancelled) is hung up again. */
    void answered(String callId, String agentId) {
        Call call = core.calls.get(callId);
        Agent a = core.agents.get(agentId);
        if (call == null || a == null || call.state() != CallState.RINGING_AGENT || !call.ringing().contains(a)) {
            log.debug("late or unknown answer: call {} agent {}", callId, agentId);
            core.control.cancelRing(callId, agentId, CancelReason.ANSWERED_ELSEWHERE);
            return;
        }
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            Agent other = call.ringing().get(i);
            if (other != a) {
                stopRinging(call, other, CancelReason.ANSWERED_ELSEWHERE, null);
            }
        }
        call.ringing().clear();
        Queue q = call.queue();
        long nowMs = core.nowMs;
        call.answeredBy(a, nowMs);
        q.waits().answered(nowMs - call.enqueuedMs());
        a.answered();
        callState(call, CallState.BRIDGED, "answered");
        agents.agentState(a, AgentState.ON_CALL, callId);
        core.control.bridge(callId, agentId);
        core.events.onEvent(new AcdEvent.CallAnswered(nowMs, callId, q.id(), agentId, nowMs - call.enqueuedMs()));
    }

    /** A ring ended without an answer before the core cancelled it (busy, declined, unreachable). */
    void ringFailed(String callId, String agentId, RingEnd why) {
        Call call = core.calls.get(callId);
        Agent a = core.agents.get(agentId);
        if (call == null || a == null || !call.ringing().contains(a)) {
            log.debug("ring end for a ring not in progress: call {} agent {}", callId, agentId);
            return;
        }
        stopRinging(call, a, null, why);
        if (call.ringing().isEmpty()) {
            backToWaiting(call, "ring failed");
        }
    }

    /** The caller hung up, or either side of a bridged call did. Unknown calls are ignored. */
    void hangup(String callId) {
        hangup(callId, CallOutcome.COMPLETED, core.nowMs);
    }

    /**
     * We hung up a bridged call whose media stopped {@code silentMs} ago: its talk ends at the
     * last packet, not at the timeout. A call not bridged ends as a plain hang-up.
     */
    void mediaTimeout(String callId, long silentMs) {
        hangup(callId, CallOutcome.MEDIA_TIMEOUT, core.nowMs - Math.max(0, silentMs));
    }

    private void hangup(String callId, CallOutcome bridgedOutcome, long talkEndMs) {
        Call call = core.calls.get(callId);
        if (call == null) {
            log.debug("hangup of a call not in the core: {}", callId);
            return;
        }
        switch (call.state()) {
            case WAITING, RINGING_AGENT -> {
                cancelAllRings(call, CancelReason.CALLER_GONE);
                end(call, CallOutcome.ABANDONED);
            }
            case BRIDGED -> {
                Agent a = call.agent();
                a.callEndedAt(core.nowMs);
                a.call(null);
                end(call, bridgedOutcome, talkEndMs);
                agents.startWrapUp(a, call.queue().spec().wrapUpMs());
            }
            case NEW, ENDED -> { }
        }
    }

    /** The agent stops being rung for reasons not its own; the caller waits again if nobody else rings. */
    void withdrawRing(Agent a) {
        Call call = a.call();
        stopRinging(call, a, CancelReason.AGENT_UNAVAILABLE, null);
        if (call.ringing().isEmpty()) {
            backToWaiting(call, "agent unavailable");
        }
    }

    @Override
    public void ringTimeout(Call call) {
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            stopRinging(call, call.ringing().get(i), CancelReason.TIMEOUT, RingEnd.TIMEOUT);
        }
        backToWaiting(call, "ring timeout");
    }

    @Override
    public void maxWait(Call call) {
        leave(call, CallOutcome.TIMED_OUT);
    }

    /** The caller leaves the line without an agent (max wait, no agents, queue removed). */
    void leave(Call call, CallOutcome outcome) {
        cancelAllRings(call, CancelReason.LEFT_QUEUE);
        core.control.leaveQueue(call.id(), call.queue().id(), outcome);
        end(call, outcome);
    }

    private void cancelAllRings(Call call, CancelReason reason) {
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            stopRinging(call, call.ringing().get(i), reason, null);
        }
    }

    /**
     * Ends one agent's ring. {@code cancel} non-null tells the gateway to stop it; {@code noAnswer}
     * non-null counts it against the agent (auto-pause), null when the agent is not to blame.
     */
    private void stopRinging(Call call, Agent a, CancelReason cancel, RingEnd noAnswer) {
        call.stopRinging(a);
        a.call(null);
        if (cancel != null) {
            core.control.cancelRing(call.id(), a.id(), cancel);
        }
        agents.agentState(a, AgentState.IDLE, ringEndReason(cancel, noAnswer));
        if (noAnswer != null) {
            core.events.onEvent(new AcdEvent.RingNoAnswer(core.nowMs, call.id(), call.queue().id(), a.id(), noAnswer));
            int limit = call.queue().spec().autoPauseAfter();
            if (limit > 0 && a.missedRing() >= limit) {
                a.resetMissedRings();
                agents.agentStatus(a, AgentStatus.PAUSED, NO_ANSWER);
            }
        }
    }

    private static String ringEndReason(CancelReason cancel, RingEnd noAnswer) {
        if (noAnswer != null) {
            return switch (noAnswer) {
                case TIMEOUT -> "ring timeout";
                case REJECTED -> "rejected";
                case FAILED -> "ring failed";
                case UNCONFIRMED -> "answer not confirmed";
            };
        }
        if (cancel == null) {
            return "ring ended";
        }
        return switch (cancel) {
            case TIMEOUT -> "ring timeout";
            case ANSWERED_ELSEWHERE -> "answered elsewhere";
            case CALLER_GONE -> "caller hung up";
            case LEFT_QUEUE -> "caller left queue";
            case AGENT_UNAVAILABLE -> "agent unavailable";
        };
    }

    private void backToWaiting(Call call, String reason) {
        if (call.state() == CallState.RINGING_AGENT) {
            callState(call, CallState.WAITING, reason);
        }
    }

    private void end(Call call, CallOutcome outcome) {
        end(call, outcome, core.nowMs);
    }

    /** @param talkEndMs when an answered call's talk ended (the last RTP packet for a media timeout) */
    private void end(Call call, CallOutcome outcome, long talkEndMs) {
        boolean answered = outcome.answered();
        long nowMs = core.nowMs;
        long waitEnd = answered ? call.answeredMs() : nowMs;
        callState(call, CallState.ENDED, outcome.name());
        core.events.onEvent(new AcdEvent.CallEnded(nowMs, call.id(), call.queue().id(),
                call.agent() == null ? null : call.agent().id(), outcome,
                waitEnd - call.enqueuedMs(), answered ? Math.max(0, talkEndMs - call.answeredMs()) : 0));
    }

    /**
     * The only place a call changes state; an illegal transition throws (see {@link CallState}).
     * Runs the exit and entry actions: the line (joined from NEW, left for BRIDGED or ENDED) with
     * the max-wait timer, the waiting heap (WAITING), the ring timer (RINGING_AGENT).
     */
    void callState(Call call, CallState next, String reason) {
        CallState from = call.state();
        call.state(next, this);
        Queue q = call.queue();
        if (from == CallState.WAITING) {
            q.waiting().remove(call);
        } else if (from == CallState.RINGING_AGENT) {
            core.timers.cancel(call.ringTimer());
        }
        if (!from.inLine() && next.inLine()) {
            q.joinLine(call);
            if (q.spec().maxWaitMs() > 0) {
                core.timers.schedule(call.maxWaitTimer(), core.nowMs + q.spec().maxWaitMs());
            }
        } else if (from.inLine() && !next.inLine()) {
            core.timers.cancel(call.maxWaitTimer());
            q.leaveLine(call);
        }
        switch (next) {
            case WAITING -> {
                q.waiting().add(call);
                core.markDirty(q);
            }
            case RINGING_AGENT -> core.timers.schedule(call.ringTimer(), core.nowMs + ringTimeoutMs(call));
            case ENDED -> core.calls.remove(call.id());
            case NEW, BRIDGED -> { }
        }
        if (log.isDebugEnabled()) {
            log.debug("call {} in {} {} -> {} ({})", call.id(), q.id(), from, next, reason);
        }
        core.events.onEvent(new AcdEvent.CallStateChanged(core.nowMs, call.id(), q.id(), from, next, reason));
    }

    /**
     * How long the core lets a call ring before trying others: the queue's ring timeout, twice
     * that when an agent rung is forwarded on no answer (its personal device rings for a second one).
     */
    private static long ringTimeoutMs(Call call) {
        long t = call.queue().spec().ringTimeoutMs();
        for (int i = 0; i < call.ringing().size(); i++) {
            if (call.ringing().get(i).forwardOnNoAnswer()) {
                return 2 * t;
            }
        }
        return t;
    }
}
