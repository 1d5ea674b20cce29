package gateway.sip.auth;

import java.util.List;

/** The outcome of authenticating one SIP request. */
public sealed interface AuthResult {
    /** The request carries valid credentials of {@code agent}. */
    record Authenticated(AgentCredentials agent) implements AuthResult {
    }

    /**
     * Answer 401 with fresh challenges, one per algorithm of {@code offer}; {@code stale} when the
     * password was right but the nonce not.
     */
    record Challenge(boolean stale, List<DigestAlgorithm> offer) implements AuthResult {
        public Challenge {
            offer = List.copyOf(offer);
        }
    }

    /** Answer 403: wrong credentials, or the source is blocked after too many failures. */
    record Forbidden(String reason) implements AuthResult {
    }
}
