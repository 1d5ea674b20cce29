package gateway.srtp;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The crypto cost of one SRTP packet (172 bytes of RTP: 20 ms of G.711), on one thread, not run by
 * the tests ({@code scripts/bench-rtp.sh crypto}): ours (AES/ECB counter blocks and SHA-1
 * HMAC written in place) against the plain JCE way (AES/CTR re-initialised per packet with a
 * new IV, {@code Mac.doFinal}). Prints ns and bytes allocated per packet for protect + unprotect.
 */
public final class SrtpCryptoBench {
    private static final int RTP = 172;

    private SrtpCryptoBench() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        SdesKey key = SdesKey.random(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80);
        for (int round = 0; round < 3; round++) {
            report("ours (ECB keystream, in-place HMAC)", packets, ours(key, packets));
            report("JCE AES/CTR init per packet + Mac", packets, jce(key, packets));
        }
    }

    private static void report(String what, int packets, long[] nanosAndBytes) {
        System.out.printf("%-40s %6.0f ns per packet (protect + unprotect), %5.1f bytes allocated per packet%n", what,
                (double) nanosAndBytes[0] / packets, (double) nanosAndBytes[1] / packets);
    }

    private static long[] ours(SdesKey key, int packets) {
        SrtpStream sender = new SrtpStream(key);
        SrtpStream receiver = new SrtpStream(key);
        byte[] p = new byte[RTP + 10];
        long bytes = allocated();
        long start = System.nanoTime();
        for (int i = 0; i < packets; i++) {
            p[0] = (byte) 0x80;
            p[2] = (byte) (i >>> 8);
            p[3] = (byte) i;
            int n = sender.protect(p, 0, RTP, 12);
            if (receiver.unprotect(p, 0, n, 12) != RTP) {
                throw new AssertionError("packet " + i);
            }
        }
        return new long[] {System.nanoTime() - start, allocated() - bytes};
    }

    private static long[] jce(SdesKey key, int packets) throws Exception {
        SessionKeys keys = SessionKeys.derive(key.masterKey(), key.masterSalt());
        SecretKeySpec aes = new SecretKeySpec(keys.encryption(), "AES");
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(keys.authentication(), "HmacSHA1"));
        byte[] p = new byte[RTP + 10];
        byte[] iv = Arrays.copyOf(keys.salt(), 16);
        long bytes = allocated();
        long start = System.nanoTime();
        for (int i = 0; i < packets; i++) {
            for (int side = 0; side < 2; side++) { // protect, then the same work again to unprotect
                iv[13] ^= (byte) i;
                ctr.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(iv));
                ctr.update(p, 12, RTP - 12, p, 12);
                mac.update(p, 0, RTP);
                mac.update(new byte[4]);
                System.arraycopy(mac.doFinal(), 0, p, RTP, 10);
            }
        }
        return new long[] {System.nanoTime() - start, allocated() - bytes};
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
