package gateway.rtp;

import config.model.PortRange;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * @param bindAddress the local address RTP sockets bind to (the wildcard address for all)
 * @param ports the range of {@code rtp.ports}
 * @param inactivityTimeout how long a bridged leg may stay silent before it is reported dead; zero: never
 * @param relatchQuiet how long the latched source must be quiet before another source takes over:
 *        a NAT that rebinds stops the old source, while a stranger cannot steal a live stream
 * @param clockMs the only clock of the RTP code: monotonic milliseconds ({@link #MONOTONIC_MS}),
 *        a hand-held one in tests
 */
public record RtpConfig(InetAddress bindAddress, PortRange ports, Duration inactivityTimeout, Duration relatchQuiet,
                        LongSupplier clockMs) {
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RELATCH_QUIET = Duration.ofSeconds(1);
    /** Milliseconds from {@link System#nanoTime()}: never jumps with the wall clock. */
    public static final LongSupplier MONOTONIC_MS = () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime());

    public RtpConfig {
        if (inactivityTimeout.isNegative()) {
            throw new IllegalArgumentException("inactivityTimeout=" + inactivityTimeout + " must not be negative");
        }
        if (relatchQuiet.isNegative()) {
            throw new IllegalArgumentException("relatchQuiet=" + relatchQuiet + " must not be negative");
        }
    }

    public RtpConfig(InetAddress bindAddress, PortRange ports, Duration inactivityTimeout) {
        this(bindAddress, ports, inactivityTimeout, DEFAULT_RELATCH_QUIET, MONOTONIC_MS);
    }

    public RtpConfig(InetAddress bindAddress, PortRange ports) {
        this(bindAddress, ports, DEFAULT_INACTIVITY_TIMEOUT);
    }

    /** The same settings on another clock. */
    public RtpConfig withClock(LongSupplier clock) {
        return new RtpConfig(bindAddress, ports, inactivityTimeout, relatchQuiet, clock);
    }

    /** The sweep checks four times per timeout, at least every 10 ms and at most every second. */
    Duration sweepInterval() {
        long ms = Math.max(10, Math.min(1000, inactivityTimeout.toMillis() / 4));
        return Duration.ofMillis(ms);
    }
}
