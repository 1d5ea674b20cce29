package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentSpec;
import acd.agent.AgentStatus;
import acd.agent.RestoredStatus;
import acd.call.Call;
import acd.call.CallOutcome;
import acd.queue.Member;
import acd.queue.MemberSpec;
import acd.queue.Queue;
import acd.queue.QueueSpec;
import acd.strategy.RoutingStrategy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A config applied as a diff. New agents start logged in (status AVAILABLE) and are offered
 * calls once reachable; removed agents leave once their call and wrap-up are done; the status
 * and state of kept agents are never touched. Removed queues let their waiting callers go (the
 * gateway sends them on to the queue's fallback); bridged calls carry on.
 */
final class Reconfigure {
    private static final Logger log = LoggerFactory.getLogger(Reconfigure.class);

    private final CoreState core;
    private final AgentLifecycle agents;
    private final CallLifecycle calls;
    private int nextAgentSeq;
    private Map<String, RestoredStatus> restored = Map.of();

    Reconfigure(CoreState core, AgentLifecycle agents, CallLifecycle calls) {
        this.core = core;
        this.agents = agents;
        this.calls = calls;
    }

    /** For the next {@link #configure} only: these agents start as the records last had them. */
    void restoreStatuses(Map<String, RestoredStatus> statuses) {
        restored = Map.copyOf(statuses);
    }

    void configure(List<AgentSpec> agentSpecs, List<QueueSpec> queueSpecs) {
        Set<String> keepAgents = new HashSet<>();
        for (AgentSpec spec : agentSpecs) {
            keepAgents.add(spec.id());
            Agent a = core.agents.get(spec.id());
            if (a == null) {
                a = new Agent(spec, nextAgentSeq++, agents::endWrapUp);
                core.agents.put(spec.id(), a);
                start(a, restored.get(spec.id()));
            } else {
                a.update(spec);
                if (a.retired()) {
                    a.retired(false);
                    agents.refresh(a);
                }
            }
        }
        for (Agent a : List.copyOf(core.agents.values())) {
            if (!keepAgents.contains(a.id())) {
                retire(a);
            }
        }
        Set<String> keepQueues = new HashSet<>();
        for (QueueSpec spec : queueSpecs) {
            keepQueues.add(spec.id());
            Queue q = core.queues.get(spec.id());
            if (q == null) {
                q = new Queue(spec, RoutingStrategy.create(spec.strategy(), core.random));
                core.queues.put(spec.id(), q);
            }
            rebuild(q, spec);
        }
        for (Queue q : List.copyOf(core.queues.values())) {
            if (!keepQueues.contains(q.id())) {
                removeQueue(q);
            }
        }
        restored = Map.of(); // an agent a later reload adds is logged in as configured
    }

    /**
     * A new agent is logged in as configured, unless the records last had them paused (then paused
     * for that reason) or logged out (then they stay out, as a new agent is until logged in).
     */
    private void start(Agent a, RestoredStatus last) {
        if (last == null || last.status() == AgentStatus.AVAILABLE) {
            agents.agentStatus(a, AgentStatus.AVAILABLE, "configured");
        } else if (last.status() == AgentStatus.PAUSED) {
            agents.agentStatus(a, AgentStatus.PAUSED, last.reason() == null ? "paused" : last.reason());
        }
    }

    /** The agent leaves its queues now and the core once idle (a ring is withdrawn). */
    private void retire(Agent a) {
        a.retired(true);
        // configure() rebuilds or removes every queue next; until then the agent just leaves them
        for (Member m : List.copyOf(a.memberships())) {
            m.queue().strategy().remove(m);
            m.queue().members().remove(m);
        }
        a.memberships().clear();
        switch (a.state()) {
            case RINGING -> calls.withdrawRing(a);
            case IDLE -> agents.remove(a);
            case ON_CALL, WRAP_UP -> agents.refresh(a);
        }
    }

    /** Re-creates a queue's members and index from {@code spec}; waiting callers stay in line. */
    private void rebuild(Queue q, QueueSpec spec) {
        dropMembers(q);
        if (q.strategy().kind() != spec.strategy()) {
            q.strategy(RoutingStrategy.create(spec.strategy(), core.random));
        } else {
            q.strategy().clear();
        }
        q.spec(spec);
        q.resetStaffedCount();
        for (MemberSpec ms : spec.members()) {
            Agent a = core.agents.get(ms.agentId());
            if (a == null || a.retired()) {
                if (a == null) {
                    log.warn("queue {}: member {} is not a configured agent; ignored", q.id(), ms.agentId());
                }
                continue;
            }
            Member m = new Member(a, q, ms.priority(), q.members().size());
            q.members().add(m);
            a.memberships().add(m);
            if (a.indexed()) {
                q.strategy().add(m);
            }
            if (a.staffed()) {
                q.staffedDelta(1);
            }
        }
        core.markDirty(q);
        core.markEmptyCheck(q);
    }

    private void removeQueue(Queue q) {
        core.queues.remove(q.id());
        q.markRemoved();
        dropMembers(q);
        q.strategy().clear();
        while (q.lineHead() != null) {
            Call c = q.lineHead();
            calls.leave(c, CallOutcome.QUEUE_REMOVED);
        }
    }

    private static void dropMembers(Queue q) {
        for (Member m : q.members()) {
            q.strategy().remove(m);
            m.agent().memberships().remove(m);
        }
        q.members().clear();
    }
}
