package gateway.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 3711 appendix B's test vectors, and a packet through protect and unprotect (libsrtp's reference packet). */
class SrtpVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aesCounterKeystreamIsRfc3711B2() {
        AesCounter cm = new AesCounter(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] iv = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        byte[] first = new byte[48];
        cm.keystream(iv, first, 48);
        assertArrayEquals(hex("E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0"), first);
        byte[] last = new byte[48];
        cm.keystream(hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"), last, 48);
        assertArrayEquals(hex("EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44"), last);
    }

    @Test
    void keyDerivationIsRfc3711B3() {
        SessionKeys keys = SessionKeys.derive(hex("E1F97A0D3E018BE0D64FA32C06DE4139"), hex("0EC675AD498AFEEBB6960B3AABE6"));
        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"), keys.encryption());
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"), keys.salt());
        assertArrayEquals(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"), keys.authentication());
    }

    @Test
    void referencePacketProtectsAndUnprotects() {
        SdesKey key = new SdesKey(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80, hex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                hex("0EC675AD498AFEEBB6960B3AABE6"));
        byte[] plain = hex("800F1234DECAFBADCAFEBABE" + "AB".repeat(16));
        byte[] sealed = hex("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB");
        byte[] buf = Arrays.copyOf(plain, 64);
        assertEquals(sealed.length, new SrtpStream(key).protect(buf, 0, plain.length, 12));
        assertArrayEquals(sealed, Arrays.copyOf(buf, sealed.length));

        SrtpStream receiver = new SrtpStream(key);
        assertEquals(plain.length, receiver.unprotect(buf, 0, sealed.length, 12));
        assertArrayEquals(plain, Arrays.copyOf(buf, plain.length));
        byte[] again = sealed.clone();
        assertEquals(-1, receiver.unprotect(again, 0, again.length, 12), "a replayed packet is dropped");
    }

    @Test
    void shortTagIsTheLongTagCut() {
        SdesKey key = new SdesKey(1, CryptoSuite.AES_CM_128_HMAC_SHA1_32, hex("E1F97A0D3E018BE0D64FA32C06DE4139"),
                hex("0EC675AD498AFEEBB6960B3AABE6"));
        byte[] buf = Arrays.copyOf(hex("800F1234DECAFBADCAFEBABE" + "AB".repeat(16)), 64);
        assertEquals(32, new SrtpStream(key).protect(buf, 0, 28, 12));
        assertArrayEquals(hex("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC"), Arrays.copyOf(buf, 32));
    }

    @Test
    void aForgedOrDamagedPacketIsDropped() {
        SdesKey key = SdesKey.random(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpStream sender = new SrtpStream(key);
        SrtpStream receiver = new SrtpStream(key);
        byte[] buf = Arrays.copyOf(hex("80000001000000A012345678" + "55".repeat(160)), 200);
        int n = sender.protect(buf, 0, 172, 12);
        buf[20] ^= 1;
        assertEquals(-1, receiver.unprotect(buf, 0, n, 12));
        buf[20] ^= 1;
        assertEquals(172, receiver.unprotect(buf, 0, n, 12));
    }

    @Test
    void theRolloverCounterCarriesOnPastSequence65535AndLatePacketsInTheWindowStillPass() {
        SdesKey key = SdesKey.random(7, CryptoSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpStream sender = new SrtpStream(key);
        SrtpStream receiver = new SrtpStream(key);
        byte[][] sealed = new byte[40][];
        for (int i = 0; i < 40; i++) {
            int seq = (65520 + i) & 0xFFFF;
            byte[] p = Arrays.copyOf(hex(String.format("8000%04X00000000CAFEBABE", seq) + "11".repeat(20)), 64);
            int n = sender.protect(p, 0, 32, 12);
            sealed[i] = Arrays.copyOf(p, n);
        }
        for (int i = 0; i < 40; i++) {
            if (i != 30) {
                assertEquals(32, receiver.unprotect(sealed[i].clone(), 0, sealed[i].length, 12), "packet " + i);
            }
        }
        byte[] late = sealed[30].clone();
        assertEquals(32, receiver.unprotect(late, 0, late.length, 12), "late but in the window");
        assertEquals((byte) 0x11, late[12]);
    }

    @Test
    void sdesLinesRoundTripAndOnesWeCannotUseAreSkipped() {
        SdesKey key = SdesKey.random(3, CryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertEquals(key, SdesKey.parse(key.attributeValue()));
        SdesKey rfc = SdesKey.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20");
        assertEquals(CryptoSuite.AES_CM_128_HMAC_SHA1_80, rfc.suite());
        assertNull(SdesKey.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4"));
        assertNull(SdesKey.parse("1 AEAD_AES_256_GCM inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"));
        assertNull(SdesKey.parse("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR UNENCRYPTED_SRTP"));
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }
}
