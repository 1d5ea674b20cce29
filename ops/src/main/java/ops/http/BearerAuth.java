package ops.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>}. Only the token's SHA-256 is kept, and the
 * digests are compared with {@link MessageDigest#isEqual} (constant time), so neither the
 * token's bytes nor its length leak through timing; nothing here ever prints the token.
 */
final class BearerAuth {
    private static final String SCHEME = "Bearer ";
    private final byte[] expected;

    private BearerAuth(byte[] expected) {
        this.expected = expected;
    }

    /** Requires {@code token}; null means open (no header needed). */
    static BearerAuth of(String token, String setting) {
        if (token == null) {
            return new BearerAuth(null);
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        return new BearerAuth(sha256(token.strip()));
    }

    boolean open() {
        return expected == null;
    }

    boolean allows(String authorization) {
        if (expected == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return matches(authorization.substring(SCHEME.length()));
    }

    /** Whether {@code token} (as typed into the sign-in form) is this one; false when open. */
    boolean matches(String token) {
        return expected != null && MessageDigest.isEqual(expected, sha256(token.strip()));
    }

    private static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256, which every Java has. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return open() ? "BearerAuth[open]" : "BearerAuth[required]";
    }
}
