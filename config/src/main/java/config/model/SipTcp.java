package config.model;

import java.time.Duration;

/**
 * Limits on SIP over TCP ({@code sip.tcp}).
 *
 * @param idleTimeout    a connection with no traffic this long is closed, unless a phone registered
 *                       over it or a call's dialog lives on it
 * @param maxConnections TCP connections open at once; one accepted over it is closed at once
 * @param maxPerSource   accepted connections open at once from one IP address; one over it is closed at once
 */
public record SipTcp(Duration idleTimeout, int maxConnections, int maxPerSource) {
    public static final SipTcp DEFAULT = new SipTcp(Duration.ofSeconds(120), 2000, 50);
}
