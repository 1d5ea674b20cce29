package gateway.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) on two SHA-1 digests kept for the stream. {@code javax.crypto.Mac}
 * allocates a result array on every {@code doFinal}; this one writes into the caller's array.
 * Not thread-safe.
 *
 * <p>{@code digest} leaves a digest reset, so a message starts without another reset (each one
 * clears the SHA-1 schedule: profiled at ~12 % of an SRTP relay loop's Java time).
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];
    /** A message was started and not finished (an update threw): the inner digest holds its bytes. */
    private boolean innerDirty;

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("SRTP authentication keys are 20 bytes");
        }
        try {
            inner = MessageDigest.getInstance("SHA-1");
            outer = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    /** Starts a new message. */
    void start() {
        if (innerDirty) {
            inner.reset();
        }
        innerDirty = true;
        inner.update(innerPad, 0, BLOCK);
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    /** Ends the message and writes the 20-byte MAC into {@code out} at {@code offset}. */
    void finish(byte[] out, int offset) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            innerDirty = false;
            outer.update(outerPad, 0, BLOCK);
            outer.update(innerHash, 0, LENGTH);
            outer.digest(out, offset, LENGTH);
        } catch (DigestException | RuntimeException e) {
            outer.reset(); // a bad output array: the next MAC starts clean
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
