package acd.engine;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import java.util.List;

/**
 * A snapshot of one agent, for the admin API and tests.
 *
 * @param status      what the agent or a supervisor set
 * @param pauseReason the reason given for the pause; null unless PAUSED
 * @param state       what calls drive
 * @param reachable   a registered phone, or a device that rings without one
 * @param onOwnCall   a call the agent made themselves is in progress (not offered queue calls)
 * @param statusSinceMs when the status last changed (epoch ms, the core's clock)
 * @param stateSinceMs  when the state last changed
 */
public record AgentView(String id, String name, AgentStatus status, String pauseReason, AgentState state,
                        boolean reachable, boolean onOwnCall, String callId, int answeredToday, List<String> queues,
                        long statusSinceMs, long stateSinceMs) {

    /** Would be offered a call now: available, idle, reachable and on no call of their own. */
    public boolean offerable() {
        return status == AgentStatus.AVAILABLE && state == AgentState.IDLE && reachable && !onOwnCall;
    }
}
