package gateway.sip.registrar;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One registered contact of an agent.
 *
 * @param contact     the Contact URI as the phone registered it
 * @param reachUri    where to send requests for this contact: the contact itself, or, when the
 *                    phone is behind NAT (its REGISTER came from another address than its
 *                    Contact names), the contact rewritten to that source address (RFC 3581 spirit)
 * @param transport   UDP or TCP, the transport the REGISTER came over
 * @param source      the address the REGISTER came from
 * @param expiresAtMs wall-clock time the binding lapses unless refreshed
 */
public record Binding(
        String agentId,
        String contact,
        String reachUri,
        String transport,
        InetSocketAddress source,
        long expiresAtMs,
        String callId,
        long cseq) {

    public Binding {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reachUri, "reachUri");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
    }

    public boolean behindNat() {
        return !contact.equals(reachUri);
    }

    /** Seconds left at {@code nowMs}, never negative. */
    public int expiresInSeconds(long nowMs) {
        return (int) Math.max(0, (expiresAtMs - nowMs + 999) / 1000);
    }
}
