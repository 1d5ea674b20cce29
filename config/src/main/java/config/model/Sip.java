package config.model;

/**
 * The SIP side of the server.
 *
 * @param listen    address for UDP and TCP
 * @param domain    digest realm and the host part agents register to
 * @param advertise address put in Contact and SDP, or null to pick it automatically ("auto")
 * @param digest    digest algorithms offered in challenges, most preferred first ("SHA-256", "MD5")
 * @param sessionTimers RFC 4028 session timers on every call's dialogs
 */
public record Sip(HostPort listen, String domain, String advertise, java.util.List<String> digest,
                  SessionTimers sessionTimers) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("0.0.0.0", 5060);
    public static final java.util.List<String> DEFAULT_DIGEST = java.util.List.of("SHA-256", "MD5");

    public Sip {
        digest = digest == null || digest.isEmpty() ? DEFAULT_DIGEST : java.util.List.copyOf(digest);
        sessionTimers = sessionTimers == null ? SessionTimers.DEFAULT : sessionTimers;
    }
}
