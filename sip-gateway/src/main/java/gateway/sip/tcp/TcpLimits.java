package gateway.sip.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the SIP server's TCP connections.
 *
 * @param idleTimeout    a connection that carried nothing in or out for this long is closed, unless
 *                       a phone registered over it or a dialog lives on it
 * @param maxConnections connections open at once, accepted and opened by us; a connection accepted
 *                       over it is closed at once
 * @param maxPerSource   accepted connections open at once from one IP address; one over it is closed at once
 */
public record TcpLimits(Duration idleTimeout, int maxConnections, int maxPerSource) {
    public static final TcpLimits DEFAULT = new TcpLimits(Duration.ofSeconds(120), 2000, 50);

    public TcpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout=" + idleTimeout + " must be at least 1 ms");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections=" + maxConnections + " must be at least 1");
        }
        if (maxPerSource < 1 || maxPerSource > maxConnections) {
            throw new IllegalArgumentException("maxPerSource=" + maxPerSource + " must be within 1..maxConnections="
                    + maxConnections);
        }
    }
}
