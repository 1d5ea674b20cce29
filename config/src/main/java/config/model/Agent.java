package config.model;

import java.util.List;

/**
 * An agent.
 *
 * @param extension the SIP user their phones register as, or null for a device-only agent
 * @param password  digest password for the extension, or null without an extension
 * @param device    personal number reached through {@code trunk}, or null
 * @param trunk     trunk id used for the device, or null without a device
 * @param nat       how the agent's phones are reached, or null for {@code sip.nat}
 * @param digest    digest algorithms offered to the agent's phones, or empty for {@code sip.digest}
 * @param media     plain RTP, SRTP or either on the agent's phones (SRTP only over TLS)
 * @param forwardConfirm whether whoever answers the device must press 1 first; null: as the queue says
 */
public record Agent(String id, String name, String extension, Secret password, String device,
                    Forward forward, String trunk, NatMode nat, List<String> digest, MediaSecurity media,
                    Boolean forwardConfirm) {
    public Agent {
        digest = digest == null ? List.of() : List.copyOf(digest);
        media = media == null ? MediaSecurity.ANY : media;
    }

    public Agent(String id, String name, String extension, Secret password, String device, Forward forward, String trunk,
                 NatMode nat, List<String> digest) {
        this(id, name, extension, password, device, forward, trunk, nat, digest, MediaSecurity.ANY, null);
    }
}
