package acd.agent;

import java.util.Objects;

/**
 * What the config says of an agent, as far as routing cares.
 *
 * @param forwardOnNoAnswer the agent's personal device is rung after the phones for one more
 *                          ring timeout, so the core waits twice the ring timeout
 */
public record AgentSpec(String id, String name, boolean forwardOnNoAnswer) {
    public AgentSpec {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }

    public static AgentSpec of(String id) {
        return new AgentSpec(id, id, false);
    }
}
