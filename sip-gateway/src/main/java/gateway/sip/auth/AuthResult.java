package gateway.sip.auth;

/** The outcome of authenticating one SIP request. */
public sealed interface AuthResult {
    /** The request carries valid credentials of {@code agent}. */
    record Authenticated(AgentCredentials agent) implements AuthResult {
    }

    /** Answer 401 with fresh challenges; {@code stale} when the password was right but the nonce not. */
    record Challenge(boolean stale) implements AuthResult {
    }

    /** Answer 403: wrong credentials, or the source is blocked after too many failures. */
    record Forbidden(String reason) implements AuthResult {
    }
}
