package gateway.sip.auth;

import java.util.Optional;

/** Looks agents up by the SIP user their phones register as. Must be safe to call from any thread. */
@FunctionalInterface
public interface AgentDirectory {
    Optional<AgentCredentials> byUser(String extension);
}
