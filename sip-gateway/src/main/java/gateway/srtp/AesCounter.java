package gateway.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode (RFC 3711 section 4.1.1) made from one AES/ECB cipher kept for the stream:
 * the counter blocks of a packet are laid out and encrypted in one call, so a packet costs no
 * cipher re-initialisation and no allocation (AES/CTR would need a new IV object per packet).
 * The blocks and the keystream are the thread's ({@link SrtpScratch}). Not thread-safe: one per
 * stream, used on the stream's loop.
 */
final class AesCounter {
    static final int BLOCK = 16;
    private static final int MAX_BYTES = SrtpScratch.MAX_BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher ecb;

    AesCounter(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/ECB", e);
        }
    }

    /** XORs {@code length} bytes of {@code data} from {@code offset} with the keystream that starts at counter {@code iv}. */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        byte[] keystream = keystream(iv, length, SrtpScratch.current());
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) { // eight bytes at a time: a third of the packet's cost
            LONGS.set(data, offset + i, (long) LONGS.get(data, offset + i) ^ (long) LONGS.get(keystream, i));
        }
        for (; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }

    /** Writes the first {@code length} bytes of keystream for {@code iv} into {@code out}. */
    void keystream(byte[] iv, byte[] out, int length) {
        System.arraycopy(keystream(iv, length, SrtpScratch.current()), 0, out, 0, length);
    }

    /** The keystream for {@code iv}, its first {@code length} bytes, in the thread's scratch. */
    private byte[] keystream(byte[] iv, int length, SrtpScratch scratch) {
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException(length + " bytes is more than an SRTP packet here may hold");
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        byte[] counters = scratch.counters;
        for (int b = 0; b < blocks; b++) {
            int at = b * BLOCK;
            System.arraycopy(iv, 0, counters, at, BLOCK - 2);
            // the block counter is added into the IV's last 16 bits, which are zero for SRTP
            int counter = ((iv[BLOCK - 2] & 0xFF) << 8 | (iv[BLOCK - 1] & 0xFF)) + b;
            counters[at + BLOCK - 2] = (byte) (counter >>> 8);
            counters[at + BLOCK - 1] = (byte) counter;
        }
        try {
            ecb.update(counters, 0, blocks * BLOCK, scratch.keystream, 0);
            return scratch.keystream;
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
