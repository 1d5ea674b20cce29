package acd.strategy;

import java.util.Arrays;
import java.util.Optional;

/** The ring strategies of a queue, by the name used in the config file. */
public enum StrategyKind {
    /** Highest member priority (lowest number) first; ties to the longest idle. The default. */
    PRIORITY("priority"),
    /** Longest idle since the last call ended (or since login), priority ignored. */
    LONGEST_IDLE("longest-idle"),
    /** Uniform among available members not yet tried for this call. */
    RANDOM("random"),
    /** Every available member at once; the first to answer wins. */
    RING_ALL("ring-all"),
    /** The next member after the one rung last, in member order; the memory survives calls. */
    ROUND_ROBIN("round-robin"),
    /** Fewest answered calls today, ties to the longest idle. */
    FEWEST_CALLS("fewest-calls");

    private final String configName;

    StrategyKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<StrategyKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
    }
}
