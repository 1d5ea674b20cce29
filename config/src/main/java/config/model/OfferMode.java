package config.model;

/** When the INVITEs we send through a trunk carry our SDP offer. */
public enum OfferMode {
    /** The offer goes in the INVITE (the default). */
    EARLY("early"),
    /** No body in the INVITE: the far side offers in its 2xx and we answer in the ACK (RFC 3261 section 13.2.1). */
    DELAYED("delayed");

    private final String configName;

    OfferMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
