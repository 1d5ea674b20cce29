package gateway.sip.auth;

import java.util.Objects;

/** Who may register as {@code extension}, and the agent it stands for. */
public record AgentCredentials(String agentId, String extension, String password) {
    public AgentCredentials {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "AgentCredentials[agentId=" + agentId + ", extension=" + extension + "]";
    }
}
