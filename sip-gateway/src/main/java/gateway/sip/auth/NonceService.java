package gateway.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces: issue time and a random salt, signed with HMAC-SHA256 under a key drawn at
 * start-up. The server keeps nothing per challenge; a nonce from another process, a forged one
 * or an expired one is told apart by the signature and the time.
 */
final class NonceService {
    private static final int BODY = 16;
    private static final int TAG = 16;
    private static final String HMAC = "HmacSHA256";

    enum Status { VALID, EXPIRED, FORGED }

    record Check(Status status, long issuedAtMs) {
    }

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final long lifetimeMs;
    private final LongSupplier clockMs;

    NonceService(SecureRandom random, Duration lifetime, LongSupplier clockMs) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.random = random;
        this.lifetimeMs = lifetime.toMillis();
        this.clockMs = clockMs;
    }

    String issue() {
        ByteBuffer body = ByteBuffer.allocate(BODY + TAG);
        body.putLong(clockMs.getAsLong());
        byte[] salt = new byte[BODY - Long.BYTES];
        random.nextBytes(salt);
        body.put(salt);
        body.put(tag(Arrays.copyOf(body.array(), BODY)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    Check check(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return new Check(Status.FORGED, 0);
        }
        if (raw.length != BODY + TAG) {
            return new Check(Status.FORGED, 0);
        }
        byte[] body = Arrays.copyOf(raw, BODY);
        if (!MessageDigest.isEqual(tag(body), Arrays.copyOfRange(raw, BODY, BODY + TAG))) {
            return new Check(Status.FORGED, 0);
        }
        long issuedAt = ByteBuffer.wrap(body).getLong();
        long age = clockMs.getAsLong() - issuedAt;
        return new Check(age > lifetimeMs || age < -lifetimeMs ? Status.EXPIRED : Status.VALID, issuedAt);
    }

    long lifetimeMs() {
        return lifetimeMs;
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
