package gateway.rtp;

import config.model.PortRange;
import java.net.InetAddress;
import java.time.Duration;

/**
 * @param bindAddress the local address RTP sockets bind to (the wildcard address for all)
 * @param ports the range of {@code rtp.ports}
 * @param inactivityTimeout how long a bridged leg may stay silent before it is reported dead
 */
public record RtpConfig(InetAddress bindAddress, PortRange ports, Duration inactivityTimeout) {
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(60);

    public RtpConfig {
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("inactivityTimeout=" + inactivityTimeout + " must be positive");
        }
    }

    public RtpConfig(InetAddress bindAddress, PortRange ports) {
        this(bindAddress, ports, DEFAULT_INACTIVITY_TIMEOUT);
    }

    /** The sweep checks four times per timeout, at least every 10 ms and at most every second. */
    Duration sweepInterval() {
        long ms = Math.max(10, Math.min(1000, inactivityTimeout.toMillis() / 4));
        return Duration.ofMillis(ms);
    }
}
