package gateway.sip.registrar;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * One registered contact of an agent.
 *
 * @param contact     the Contact URI as the phone registered it
 * @param reachUri    the Request-URI of requests for this contact: the contact itself, or, when
 *                    the phone is behind NAT, the contact rewritten to the address the REGISTER
 *                    came from (see {@link ContactReach})
 * @param transport   UDP, TCP or TLS, the transport of the first hop (for a phone behind NAT or
 *                    registered over TLS, the one the REGISTER came over)
 * @param source      the address the REGISTER came from
 * @param expiresAtMs wall-clock time the binding lapses unless refreshed
 * @param path        the REGISTER's Path (RFC 3327), the Route set requests to the contact carry; often empty
 */
public record Binding(
        String agentId,
        String contact,
        String reachUri,
        String transport,
        InetSocketAddress source,
        long expiresAtMs,
        String callId,
        long cseq,
        List<String> path) {

    public Binding {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reachUri, "reachUri");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
        path = path == null ? List.of() : List.copyOf(path);
    }

    public boolean behindNat() {
        return !contact.equals(reachUri);
    }

    /**
     * Reached on the connection the phone opened (TCP behind NAT, TLS always): nobody can open
     * another to it, so the binding does not outlive that connection's process.
     */
    public boolean onPhonesConnection() {
        return "TLS".equals(transport) || behindNat() && !"UDP".equals(transport);
    }

    /** Where the phone is woken before it is rung (RFC 8599), or null when its Contact names no push service. */
    public PushTarget pushTarget() {
        return PushTarget.of(contact);
    }

    /** Seconds left at {@code nowMs}, never negative. */
    public int expiresInSeconds(long nowMs) {
        return (int) Math.max(0, (expiresAtMs - nowMs + 999) / 1000);
    }
}
