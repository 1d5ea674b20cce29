package config.model;

/**
 * The SIP side of the server.
 *
 * @param listen    address for UDP and TCP
 * @param domain    digest realm and the host part agents register to
 * @param advertise address put in Contact and SDP, or null to pick it automatically ("auto")
 */
public record Sip(HostPort listen, String domain, String advertise) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("0.0.0.0", 5060);
}
