package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.event.AcdEvent;
import acd.queue.Member;
import acd.queue.Queue;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's two machines: the {@link AgentStatus} the agent or a supervisor sets (login,
 * logout, pause, unpause: at once, whatever the call) and the {@link AgentState} calls drive.
 * {@link #agentStatus} and {@link #agentState} are the only places either changes; both keep
 * the routing indexes and staffed counts in step ({@link #refresh}) and emit an event.
 */
final class AgentLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AgentLifecycle.class);

    private final CoreState core;
    /** Ends the agent's ring for reasons not its own (the call lifecycle's). */
    private final Consumer<Agent> withdrawRing;

    AgentLifecycle(CoreState core, Consumer<Agent> withdrawRing) {
        this.core = core;
        this.withdrawRing = withdrawRing;
    }

    void login(String agentId) {
        Agent a = require(agentId, "login");
        if (a != null && a.status() == AgentStatus.LOGGED_OUT) {
            a.resetMissedRings();
            agentStatus(a, AgentStatus.AVAILABLE, "login");
        }
    }

    /** Logs out at once: a ring is withdrawn, a call and its wrap-up carry on. */
    void logout(String agentId) {
        Agent a = require(agentId, "logout");
        if (a != null && a.status() != AgentStatus.LOGGED_OUT) {
            agentStatus(a, AgentStatus.LOGGED_OUT, "logout");
        }
    }

    /** Pauses at once with a reason (a logged-out agent is logged in paused); see {@link #logout}. */
    void pause(String agentId, String reason) {
        Agent a = require(agentId, "pause");
        if (a == null) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "paused" : reason;
        if (a.status() != AgentStatus.PAUSED || !why.equals(a.pauseReason())) {
            agentStatus(a, AgentStatus.PAUSED, why);
        }
    }

    void unpause(String agentId) {
        Agent a = require(agentId, "unpause");
        if (a != null && a.status() == AgentStatus.PAUSED) {
            a.resetMissedRings();
            agentStatus(a, AgentStatus.AVAILABLE, "unpause");
        }
    }

    /** Whether the gateway can reach the agent (a registered contact or a forwarding device). */
    void setReachable(String agentId, boolean reachable) {
        Agent a = require(agentId, "reachability");
        if (a == null || a.reachable() == reachable) {
            return;
        }
        a.reachable(reachable);
        if (log.isDebugEnabled()) {
            log.debug("agent {} {}", a.id(), reachable ? "reachable" : "unreachable");
        }
        core.events.onEvent(new AcdEvent.AgentReachabilityChanged(core.nowMs, a.id(), reachable));
        if (!reachable && a.state() == AgentState.RINGING) {
            withdrawRing.accept(a);
        }
        refresh(a);
    }

    /**
     * A call the agent made (dialled in as a caller, or a feature code) started or ended. While
     * one lasts the agent is not offered queue calls (a ring in progress is withdrawn); its end
     * brings no wrap-up.
     */
    void ownCall(String agentId, String callId, boolean inProgress) {
        // a reload may have removed the agent during the call: its end is no news
        Agent a = inProgress ? require(agentId, "own call") : core.agents.get(agentId);
        if (a == null || !a.ownCall(callId, inProgress)) {
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("agent {} {} a call of their own ({})", a.id(), inProgress ? "on" : "off", callId);
        }
        core.events.onEvent(new AcdEvent.AgentOwnCallChanged(core.nowMs, a.id(), callId, inProgress));
        if (inProgress && a.state() == AgentState.RINGING) {
            withdrawRing.accept(a);
        }
        refresh(a);
    }

    private Agent require(String agentId, String what) {
        Agent a = core.agents.get(agentId);
        if (a == null) {
            log.warn("{}: unknown agent '{}' (known: {})", what, agentId, core.agents.keySet());
        }
        return a;
    }

    /**
     * The only place an agent's status changes. Leaving AVAILABLE while ringing withdraws the
     * ring; on a call or in wrap-up nothing else happens until the call is done.
     */
    void agentStatus(Agent a, AgentStatus next, String reason) {
        AgentStatus from = a.status();
        a.status(next, reason, core.nowMs);
        if (log.isDebugEnabled()) {
            log.debug("agent {} status {} -> {} ({})", a.id(), from, next, reason);
        }
        core.events.onEvent(new AcdEvent.AgentStatusChanged(core.nowMs, a.id(), from, next, reason));
        if (next != AgentStatus.AVAILABLE && a.state() == AgentState.RINGING) {
            withdrawRing.accept(a);
        }
        refresh(a);
    }

    /** The only place an agent's state changes; an illegal transition throws. A removed agent leaves once idle. */
    void agentState(Agent a, AgentState next, String reason) {
        AgentState from = a.state();
        a.state(next, core.nowMs);
        refresh(a);
        if (log.isDebugEnabled()) {
            log.debug("agent {} state {} -> {} ({})", a.id(), from, next, reason);
        }
        core.events.onEvent(new AcdEvent.AgentStateChanged(core.nowMs, a.id(), from, next, reason));
        if (next == AgentState.IDLE && a.retired()) {
            remove(a);
        }
    }

    /** A removed agent leaves the core: at once when idle, else when its call and wrap-up are done. */
    void remove(Agent a) {
        if (a.status() != AgentStatus.LOGGED_OUT) {
            agentStatus(a, AgentStatus.LOGGED_OUT, "removed");
        }
        core.agents.remove(a.id());
    }

    /** The call ended: wrap-up for the queue's time, if any (a removed agent leaves at once). */
    void startWrapUp(Agent a, long wrapUpMs) {
        if (wrapUpMs > 0 && !a.retired()) {
            agentState(a, AgentState.WRAP_UP, "call ended");
            core.timers.schedule(a.wrapUpTimer(), core.nowMs + wrapUpMs);
        } else {
            agentState(a, AgentState.IDLE, "call ended");
        }
    }

    void endWrapUp(Agent a) {
        if (a.state() == AgentState.WRAP_UP) {
            agentState(a, AgentState.IDLE, "ready");
        }
    }

    /**
     * Brings the agent's presence time, its place in its queues' indexes and its queues' staffed
     * counts up to date. On the routing path: indexed loops, so no iterator is allocated.
     */
    void refresh(Agent a) {
        a.updatePresence(core.nowMs);
        List<Member> memberships = a.memberships();
        boolean offerable = a.offerable();
        if (offerable != a.indexed()) {
            a.indexed(offerable);
            for (int i = 0; i < memberships.size(); i++) {
                Member m = memberships.get(i);
                Queue q = m.queue();
                if (offerable) {
                    q.strategy().add(m);
                    // only a queue with callers waiting has routing to do (a caller joining marks it too)
                    if (q.hasWaiting()) {
                        core.markDirty(q);
                    }
                } else {
                    q.strategy().remove(m);
                }
            }
        }
        boolean staffing = a.staffing();
        if (staffing != a.staffed()) {
            a.staffed(staffing);
            for (int i = 0; i < memberships.size(); i++) {
                Member m = memberships.get(i);
                m.queue().staffedDelta(staffing ? 1 : -1);
                if (!staffing) {
                    core.markEmptyCheck(m.queue());
                }
            }
        }
    }
}
