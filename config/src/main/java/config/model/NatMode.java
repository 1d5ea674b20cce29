package config.model;

/** How the registrar reaches a phone whose REGISTER may have crossed a NAT (the {@code nat} field). */
public enum NatMode {
    /** The Contact, unless the REGISTER shows signs of NAT: then the address it came from. */
    AUTO("auto"),
    /** Always the address (over TCP, the connection) the REGISTER came from. */
    ALWAYS("always"),
    /** Always the Contact as registered. */
    NEVER("never");

    private final String configName;

    NatMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
