package config.model;

import java.time.Duration;

/**
 * RTP media.
 *
 * @param ports   one even/odd pair per call leg
 * @param timeout how long a bridged leg may send nothing before the call is hung up; zero: never
 */
public record Rtp(PortRange ports, Duration timeout) {
    public static final PortRange DEFAULT_PORTS = new PortRange(20000, 20999);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Shorter would hang up calls over ordinary jitter or a phone's brief mute. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
}
