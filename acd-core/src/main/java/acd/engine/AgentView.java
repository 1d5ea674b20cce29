package acd.engine;

import acd.agent.AgentState;
import java.util.List;

/** A snapshot of one agent, for the admin API and tests. */
public record AgentView(String id, String name, AgentState state, String pauseReason, boolean reachable,
                        String callId, int answeredToday, List<String> queues) {
}
