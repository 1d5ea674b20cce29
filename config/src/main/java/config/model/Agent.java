package config.model;

/**
 * An agent.
 *
 * @param extension the SIP user their phones register as, or null for a device-only agent
 * @param password  digest password for the extension, or null without an extension
 * @param device    personal number reached through {@code trunk}, or null
 * @param trunk     trunk id used for the device, or null without a device
 */
public record Agent(String id, String name, String extension, Secret password, String device,
                    Forward forward, String trunk) {
}
