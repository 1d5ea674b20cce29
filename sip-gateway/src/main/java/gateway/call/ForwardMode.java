package gateway.call;

import java.util.Arrays;
import java.util.Optional;

/** When an agent's personal device (through a trunk) is rung instead of, or after, its phones. */
public enum ForwardMode {
    NEVER("never"),
    /** The device when no phone is registered. */
    WHEN_OFFLINE("when-offline"),
    /** The phones for one ring timeout, then the device for another. */
    ON_NO_ANSWER("on-no-answer"),
    /** Only the device. */
    ALWAYS("always");

    private final String configName;

    ForwardMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<ForwardMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
    }

    /** Whether the agent can be reached with no phone registered. */
    public boolean reachableWithoutPhones() {
        return this == WHEN_OFFLINE || this == ALWAYS;
    }
}
