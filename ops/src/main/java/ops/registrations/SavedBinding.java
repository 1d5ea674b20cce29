package ops.registrations;

import java.util.List;
import java.util.Objects;

/**
 * One registered contact as stored: what the gateway needs to reach the phone again after a
 * restart (see the registrar's {@code Binding}, which this mirrors without depending on SIP).
 *
 * @param reachUri    the Request-URI of INVITEs: the Contact, or behind NAT the REGISTER's source
 * @param transport   UDP or TCP, of the first hop
 * @param expiresAtMs wall-clock time the binding lapses unless refreshed
 * @param path        the REGISTER's Path values (RFC 3327), first hop first; often empty
 */
public record SavedBinding(String agentId, String contact, String reachUri, String transport, String sourceHost,
                           int sourcePort, long expiresAtMs, String callId, long cseq, List<String> path) {
    public SavedBinding {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(contact, "contact");
        path = path == null ? List.of() : List.copyOf(path);
    }
}
