package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentState;
import acd.call.Call;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.event.AcdEvent;
import acd.queue.Member;
import acd.queue.NoAgentsPolicy;
import acd.queue.Queue;
import acd.strategy.RoutingStrategy;
import acd.strategy.StrategyKind;
import acd.time.Timer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;

/**
 * Routing: after every command, routes waiting callers to offerable agents until no touched
 * queue has both. The strategy says whom to ring ({@link RoutingStrategy#fillRing}); the router
 * rings exactly those. Only queues touched by a command (a caller joined, a member became
 * offerable) are looked at, and across them the caller who waited longest (caller priority
 * first) is served first.
 */
final class Router {
    private final CoreState core;
    private final AgentLifecycle agents;
    private final CallLifecycle calls;
    private final ZoneId zone;
    private final Timer midnight;
    /** The members to ring for one offer; reused, so routing allocates nothing per ring. */
    private final ArrayList<Member> toRing = new ArrayList<>();
    private boolean settling;

    Router(CoreState core, AgentLifecycle agents, CallLifecycle calls, ZoneId zone) {
        this.core = core;
        this.agents = agents;
        this.calls = calls;
        this.zone = zone;
        this.midnight = new Timer(this::onMidnight);
        core.timers.schedule(midnight, nextMidnightMs(core.nowMs));
    }

    /**
     * Routes until no touched queue has both a waiting caller and an available member. Each
     * round serves the best waiting caller (priority, then arrival) among the touched queues,
     * so an agent freed in several queues takes the caller who waited longest.
     */
    void settle() {
        if (settling) {
            return;
        }
        settling = true;
        try {
            while (true) {
                runEmptyChecks();
                Call best = bestWaiting();
                if (best == null) {
                    return;
                }
                offer(best);
            }
        } finally {
            settling = false;
        }
    }

    /** The best head among the touched queues that can route now; drops the others from the list. */
    private Call bestWaiting() {
        ArrayList<Queue> dirty = core.dirty;
        Call best = null;
        for (int i = dirty.size() - 1; i >= 0; i--) {
            Queue q = dirty.get(i);
            Call head = q.waiting().peek();
            if (head == null || q.strategy().availableCount() == 0 || q.removed()) {
                q.dirty(false);
                dirty.set(i, dirty.get(dirty.size() - 1));
                dirty.remove(dirty.size() - 1);
                continue;
            }
            if (best == null || Call.lineOrder(head, best) < 0) {
                best = head;
            }
        }
        return best;
    }

    /** Rings the member(s) the strategy gives; the queue has at least one available member. */
    private void offer(Call call) {
        RoutingStrategy s = call.queue().strategy();
        s.fillRing(call, toRing);
        if (toRing.isEmpty()) {
            throw new IllegalStateException(s.kind() + " gave nobody to ring for " + call
                    + " with " + s.availableCount() + " available");
        }
        call.reserveRings(toRing.size());
        for (int i = 0; i < toRing.size(); i++) {
            ring(call, toRing.get(i));
        }
        toRing.clear();
        calls.callState(call, CallState.RINGING_AGENT, "offered");
    }

    private void ring(Call call, Member m) {
        Agent a = m.agent();
        Queue q = call.queue();
        call.ringing().add(a);
        call.markTried(a);
        a.call(call);
        agents.agentState(a, AgentState.RINGING, call.id());
        q.strategy().rung(m);
        core.control.ringAgent(call.id(), a.id(), q.spec().ringTimeoutMs());
        core.events.onEvent(new AcdEvent.AgentRinging(core.nowMs, call.id(), q.id(), a.id()));
    }

    /** Fallback-policy queues whose last staffed agent left send their callers on. */
    private void runEmptyChecks() {
        ArrayList<Queue> checks = core.emptyChecks;
        while (!checks.isEmpty()) {
            Queue q = checks.remove(checks.size() - 1);
            q.emptyCheck(false);
            if (q.removed() || q.spec().whenNoAgents() != NoAgentsPolicy.FALLBACK || q.staffedCount() > 0) {
                continue;
            }
            while (q.lineHead() != null) {
                calls.leave(q.lineHead(), CallOutcome.NO_AGENTS);
            }
        }
    }

    /** Answered-today counts start again at midnight; fewest-calls indexes are rebuilt on the new keys. */
    private void onMidnight(long atMs) {
        for (Agent a : core.agents.values()) {
            a.resetDailyCount();
        }
        reindexFewestCalls();
        core.timers.schedule(midnight, nextMidnightMs(atMs));
    }

    /** Adds calls answered earlier today (from the records, after a restart) to the agents' counts. */
    void addAnsweredToday(Map<String, Integer> answered) {
        answered.forEach((agentId, calls) -> {
            Agent a = core.agents.get(agentId);
            if (a != null && calls > 0) {
                a.addAnsweredToday(calls);
            }
        });
        reindexFewestCalls();
    }

    /** Fewest-calls indexes are keyed by the answered-today count: rebuilt when counts change outside a call. */
    private void reindexFewestCalls() {
        for (Queue q : core.queues.values()) {
            if (q.strategy().kind() == StrategyKind.FEWEST_CALLS) {
                q.strategy().clear();
                for (Member m : q.members()) {
                    if (m.agent().indexed()) {
                        q.strategy().add(m);
                    }
                }
            }
        }
    }

    private long nextMidnightMs(long atMs) {
        LocalDate today = Instant.ofEpochMilli(atMs).atZone(zone).toLocalDate();
        return today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
