package acd.agent;

import java.util.Objects;

/**
 * An agent's status as the records last had it before this start: a restart keeps an agent who
 * was paused (with the reason) or logged out away from calls, where the config alone would log
 * everybody in.
 *
 * @param reason the pause reason; null unless {@code status} is PAUSED
 */
public record RestoredStatus(AgentStatus status, String reason) {
    public RestoredStatus {
        Objects.requireNonNull(status, "status");
        if (status != AgentStatus.PAUSED) {
            reason = null;
        }
    }
}
