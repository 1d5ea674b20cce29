package config.model;

/** When an agent's personal device (through a trunk) is rung instead of, or after, their phones. */
public enum Forward {
    NEVER("never"),
    /** Only while none of the agent's phones is registered. */
    WHEN_OFFLINE("when-offline"),
    /** After the phones ring unanswered for the ring timeout. */
    ON_NO_ANSWER("on-no-answer"),
    /** Always, instead of the phones. */
    ALWAYS("always");

    private final String configName;

    Forward(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
