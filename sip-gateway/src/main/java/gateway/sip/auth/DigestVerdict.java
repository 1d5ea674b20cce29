package gateway.sip.auth;

/** What checking one digest response found. */
public enum DigestVerdict {
    /** The response matches the password, the nonce is ours, fresh, and the count is new. */
    OK,
    /** Right password but an expired nonce: challenge again with {@code stale=true}. */
    STALE,
    /** Right password but a nonce-count already used with this nonce: a replay. */
    REPLAYED,
    /** The response does not match: wrong password (or wrong user). */
    WRONG_RESPONSE,
    /** Right password but a nonce this process did not issue (say, from before a restart). */
    UNKNOWN_NONCE,
    /** A field is missing, or the algorithm, qop or realm is not one we offered. */
    UNUSABLE;

    /** True when the password was wrong: counts toward the rate limit. */
    public boolean countsAsFailure() {
        return this == WRONG_RESPONSE;
    }
}
