package gateway.call;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How the gateway reaches one agent besides its registered phones.
 *
 * @param device personal number rung through {@code trunk}, or null
 * @param trunk  the trunk's address for the device, or null
 */
public record AgentRoute(String agentId, String extension, String device, ForwardMode forward, InetSocketAddress trunk) {
    public AgentRoute {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(extension, "extension");
        forward = forward == null ? ForwardMode.NEVER : forward;
        if (forward != ForwardMode.NEVER && (device == null || trunk == null)) {
            throw new IllegalArgumentException("agent " + agentId + ": forward " + forward.configName()
                    + " needs a device and a trunk");
        }
    }

    public static AgentRoute phonesOnly(String agentId, String extension) {
        return new AgentRoute(agentId, extension, null, ForwardMode.NEVER, null);
    }

    public boolean hasDevice() {
        return forward != ForwardMode.NEVER;
    }
}
