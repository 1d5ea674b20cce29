package gateway.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * One SDES {@code a=crypto} line (RFC 4568): tag, suite and the inline master key and salt.
 * Lines with an MKI, a key of another length or any session parameter are not ours to take:
 * {@link #parse} returns null for them and offer/answer moves on to the next line.
 */
public record SdesKey(int tag, CryptoSuite suite, byte[] masterKey, byte[] masterSalt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_SALT = CryptoSuite.KEY_LENGTH + CryptoSuite.SALT_LENGTH;

    public SdesKey {
        if (masterKey.length != CryptoSuite.KEY_LENGTH || masterSalt.length != CryptoSuite.SALT_LENGTH) {
            throw new IllegalArgumentException("an AES_CM_128 master key is 16 bytes and its salt 14");
        }
        masterKey = masterKey.clone();
        masterSalt = masterSalt.clone();
    }

    /** A fresh random key of ours for {@code suite} under {@code tag}. */
    public static SdesKey random(int tag, CryptoSuite suite) {
        byte[] keySalt = new byte[KEY_SALT];
        RANDOM.nextBytes(keySalt);
        return new SdesKey(tag, suite, Arrays.copyOf(keySalt, CryptoSuite.KEY_LENGTH),
                Arrays.copyOfRange(keySalt, CryptoSuite.KEY_LENGTH, KEY_SALT));
    }

    /** Reads the value of an {@code a=crypto} attribute; null when we cannot use it. */
    public static SdesKey parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().split("\\s+");
        if (parts.length != 3 || !parts[2].startsWith("inline:")) {
            return null;
        }
        CryptoSuite suite = CryptoSuite.named(parts[1]);
        String inline = parts[2].substring("inline:".length());
        int bar = inline.indexOf('|');
        if (suite == null || inline.indexOf(';') >= 0 || (bar >= 0 && inline.indexOf(':', bar) >= 0)) {
            return null; // several keys or an MKI
        }
        try {
            int tag = Integer.parseInt(parts[0]);
            byte[] keySalt = Base64.getDecoder().decode(bar >= 0 ? inline.substring(0, bar) : inline);
            if (tag < 0 || tag > 999_999_999 || keySalt.length != KEY_SALT) {
                return null;
            }
            return new SdesKey(tag, suite, Arrays.copyOf(keySalt, CryptoSuite.KEY_LENGTH),
                    Arrays.copyOfRange(keySalt, CryptoSuite.KEY_LENGTH, KEY_SALT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code a=crypto} value: {@code <tag> <suite> inline:<base64 key||salt>}. */
    public String attributeValue() {
        byte[] keySalt = Arrays.copyOf(masterKey, KEY_SALT);
        System.arraycopy(masterSalt, 0, keySalt, CryptoSuite.KEY_LENGTH, CryptoSuite.SALT_LENGTH);
        return tag + " " + suite.name() + " inline:" + Base64.getEncoder().encodeToString(keySalt);
    }

    /** The same suite and tag with a new key of ours: how an answer accepts an offered line. */
    public SdesKey answered() {
        return random(tag, suite);
    }

    @Override
    public byte[] masterKey() {
        return masterKey.clone();
    }

    @Override
    public byte[] masterSalt() {
        return masterSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdesKey k && k.tag == tag && k.suite == suite && Arrays.equals(k.masterKey, masterKey)
                && Arrays.equals(k.masterSalt, masterSalt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tag + suite.hashCode()) + Arrays.hashCode(masterKey);
    }

    @Override
    public String toString() {
        return "SdesKey[" + tag + " " + suite + "]"; // never the key itself in a log line
    }
}
