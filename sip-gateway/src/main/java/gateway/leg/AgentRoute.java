package gateway.leg;

import config.model.Forward;
import config.model.MediaSecurity;
import gateway.trunk.TrunkRoute;
import java.util.Objects;

/**
 * How the gateway reaches one agent besides its registered phones.
 *
 * @param extension the SIP user its phones register as, or null for a device-only agent
 * @param device personal number rung through {@code trunk}, or null
 * @param trunk  the trunk that reaches the device, or null
 * @param media  plain RTP, SRTP or either on the agent's phones
 * @param forwardConfirm whether whoever answers the device must press 1 first; null: as the queue says
 */
public record AgentRoute(String agentId, String extension, String device, Forward forward, TrunkRoute trunk,
                         MediaSecurity media, Boolean forwardConfirm) {
    public AgentRoute {
        Objects.requireNonNull(agentId, "agentId");
        forward = forward == null ? Forward.NEVER : forward;
        media = media == null ? MediaSecurity.ANY : media;
        if (forward != Forward.NEVER && (device == null || trunk == null)) {
            throw new IllegalArgumentException("agent " + agentId + ": forward " + forward.configName()
                    + " needs a device and a trunk");
        }
    }

    /** An agent taking either media whose device's answer needs confirming as its queue says. */
    public AgentRoute(String agentId, String extension, String device, Forward forward, TrunkRoute trunk) {
        this(agentId, extension, device, forward, trunk, MediaSecurity.ANY, null);
    }

    public AgentRoute(String agentId, String extension, String device, Forward forward, TrunkRoute trunk,
                      MediaSecurity media) {
        this(agentId, extension, device, forward, trunk, media, null);
    }

    public AgentRoute(String agentId, String extension, String device, Forward forward, TrunkRoute trunk,
                      Boolean forwardConfirm) {
        this(agentId, extension, device, forward, trunk, MediaSecurity.ANY, forwardConfirm);
    }

    public static AgentRoute phonesOnly(String agentId, String extension) {
        return new AgentRoute(agentId, extension, null, Forward.NEVER, null);
    }

    public boolean hasDevice() {
        return forward != Forward.NEVER;
    }

    /**
     * Whether a call of a queue with {@code queueConfirms} must be confirmed on the device before it
     * is put through: the agent's own setting wins, so one agent may opt out of a queue's rule.
     */
    public boolean confirmsDevice(boolean queueConfirms) {
        return hasDevice() && (forwardConfirm != null ? forwardConfirm : queueConfirms);
    }

    /** Whether a ring starts at the device rather than the phones: always, or when there is no phone to ring. */
    public boolean deviceFirst(boolean noPhones) {
        return forward == Forward.ALWAYS || noPhones && forward != Forward.NEVER;
    }

    /** Whether the agent takes calls with no phone registered (its device rings instead). */
    public boolean reachableWithoutPhones() {
        return forward == Forward.WHEN_OFFLINE || forward == Forward.ALWAYS;
    }
}
