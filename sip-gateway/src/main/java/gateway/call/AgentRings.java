package gateway.call;

import gateway.leg.AgentRing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One call's agents being rung, or answered and bridged, by agent id: the core may ring several
 * at once, and rings one agent at most once at a time. Runs on the call's loop.
 */
final class AgentRings {
    private final Map<String, AgentRing> byAgent = new HashMap<>(2);

    boolean isEmpty() {
        return byAgent.isEmpty();
    }

    /** The agent's ring, or null. */
    AgentRing get(String agentId) {
        return byAgent.get(agentId);
    }

    /** Starts {@code ring}; a ring the agent still had is cancelled first. */
    void start(AgentRing ring) {
        AgentRing old = byAgent.remove(ring.agentId());
        if (old != null) {
            old.cancel("rung again");
        }
        byAgent.put(ring.agentId(), ring);
        ring.start();
    }

    /** Forgets the agent's ring (not cancelled), returning it, or null. */
    AgentRing remove(String agentId) {
        return byAgent.remove(agentId);
    }

    /** Forgets {@code ring} if it is still its agent's. */
    void remove(AgentRing ring) {
        byAgent.remove(ring.agentId(), ring);
    }

    /** Cancels and forgets every ring. */
    void cancelAll(String why) {
        for (AgentRing r : List.copyOf(byAgent.values())) {
            r.cancel(why);
        }
        byAgent.clear();
    }
}
