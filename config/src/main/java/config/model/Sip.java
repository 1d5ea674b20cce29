package config.model;

import java.util.List;

/**
 * The SIP side of the server.
 *
 * @param listen        address for UDP and TCP
 * @param domain        digest realm and the host part agents register to
 * @param advertise     address put in Contact and SDP, or null to pick it automatically ("auto")
 * @param digest        digest algorithms offered in challenges, most preferred first ("SHA-256", "MD5")
 * @param nat           how phones are reached by default (an agent's own {@code nat} wins)
 * @param sessionTimers RFC 4028 session timers on every call's dialogs
 * @param tcp           limits on TCP connections (TLS connections count with them)
 * @param tls           SIP over TLS, or null when the server has none
 */
public record Sip(HostPort listen, String domain, String advertise, List<String> digest, NatMode nat,
                  SessionTimers sessionTimers, SipTcp tcp, SipTls tls) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("0.0.0.0", 5060);
    /** MD5 alone: SIPp 3.6.1 and Debian's baresip 1.0 stop at a SHA-256 challenge. */
    public static final List<String> DEFAULT_DIGEST = List.of("MD5");

    public Sip {
        digest = digest == null || digest.isEmpty() ? DEFAULT_DIGEST : List.copyOf(digest);
        nat = nat == null ? NatMode.AUTO : nat;
        sessionTimers = sessionTimers == null ? SessionTimers.DEFAULT : sessionTimers;
        tcp = tcp == null ? SipTcp.DEFAULT : tcp;
    }
}
