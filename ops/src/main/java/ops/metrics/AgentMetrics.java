package ops.metrics;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agents by status and state, from the core's events. The per-agent map is the core loop's
 * alone; the scrape thread reads only the atomic counts behind the gauges.
 * <p>
 * An agent is counted from its first event on: agents loaded from the config that have not
 * logged in since start are not in {@code acd_agents{status="logged_out"}}.
 */
final class AgentMetrics {
    private final AtomicInteger[][] counts = new AtomicInteger[AgentStatus.values().length][AgentState.values().length];
    private final Map<String, Seen> agents = new HashMap<>();
    private final Set<String> reachable = new HashSet<>();
    private final AtomicInteger reachableCount = new AtomicInteger();

    AgentMetrics(MeterRegistry registry) {
        for (AgentStatus status : AgentStatus.values()) {
            for (AgentState state : AgentState.values()) {
                AtomicInteger count = new AtomicInteger();
                counts[status.ordinal()][state.ordinal()] = count;
                Gauge.builder("acd.agents", count, AtomicInteger::get).description("Agents by status and state")
                        .tag("status", QueueMetrics.label(status)).tag("state", QueueMetrics.label(state))
                        .register(registry);
            }
        }
        Gauge.builder("acd.agents.reachable", reachableCount, AtomicInteger::get)
                .description("Agents with a registered phone or a device to ring").register(registry);
    }

    void status(String agentId, AgentStatus from, AgentStatus to) {
        Seen a = seen(agentId, from, AgentState.IDLE);
        move(a, to, a.state);
    }

    void state(String agentId, AgentState from, AgentState to) {
        Seen a = seen(agentId, AgentStatus.LOGGED_OUT, from);
        move(a, a.status, to);
    }

    void reachable(String agentId, boolean isReachable) {
        boolean changed = isReachable ? reachable.add(agentId) : reachable.remove(agentId);
        if (changed) {
            reachableCount.set(reachable.size());
        }
    }

    /** An agent met for the first time is where the event says it came from. */
    private Seen seen(String agentId, AgentStatus status, AgentState state) {
        Seen a = agents.get(agentId);
        if (a == null) {
            a = new Seen(status, state);
            agents.put(agentId, a);
            count(a).incrementAndGet();
        }
        return a;
    }

    private void move(Seen a, AgentStatus status, AgentState state) {
        count(a).decrementAndGet();
        a.status = status;
        a.state = state;
        count(a).incrementAndGet();
    }

    private AtomicInteger count(Seen a) {
        return counts[a.status.ordinal()][a.state.ordinal()];
    }

    /** Where the metrics last saw an agent; the core loop's alone. */
    private static final class Seen {
        AgentStatus status;
        AgentState state;

        Seen(AgentStatus status, AgentState state) {
            this.status = status;
            this.state = state;
        }
    }
}
