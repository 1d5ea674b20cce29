package gateway.sip.auth;

import config.model.NatMode;
import java.util.List;
import java.util.Objects;

/**
 * Who may register as {@code extension}, the agent it stands for, and how its phones are met.
 *
 * @param digest algorithms offered to its phones, most preferred first; empty for the server's
 * @param nat    how its phones are reached; null for the server's
 */
public record AgentCredentials(String agentId, String extension, String password, List<DigestAlgorithm> digest,
                               NatMode nat) {
    public AgentCredentials {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(password, "password");
        digest = digest == null ? List.of() : List.copyOf(digest);
    }

    /** With the server's digest algorithms and NAT handling. */
    public AgentCredentials(String agentId, String extension, String password) {
        this(agentId, extension, password, List.of(), null);
    }

    @Override
    public String toString() {
        return "AgentCredentials[agentId=" + agentId + ", extension=" + extension + "]";
    }
}
