package acd.queue;

import java.util.Objects;

/** An agent's membership in a queue, with its priority there (1 = highest, 100 = lowest). */
public record MemberSpec(String agentId, int priority) {
    public static final int HIGHEST = 1;
    public static final int LOWEST = 100;

    public MemberSpec {
        Objects.requireNonNull(agentId, "agentId");
        if (priority < HIGHEST || priority > LOWEST) {
            throw new IllegalArgumentException("member " + agentId + ": priority " + priority
                    + " outside " + HIGHEST + ".." + LOWEST);
        }
    }
}
