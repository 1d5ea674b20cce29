package gateway.srtp;

/**
 * The SRTP session keys RFC 3711 section 4.3 derives from a master key and salt, with a key
 * derivation rate of zero (SDES's default): derived once per stream.
 */
record SessionKeys(byte[] encryption, byte[] authentication, byte[] salt) {
    static final int AUTH_KEY_LENGTH = 20;
    private static final int LABEL_ENCRYPTION = 0;
    private static final int LABEL_AUTHENTICATION = 1;
    private static final int LABEL_SALT = 2;

    static SessionKeys derive(byte[] masterKey, byte[] masterSalt) {
        AesCounter prf = new AesCounter(masterKey);
        return new SessionKeys(derive(prf, masterSalt, LABEL_ENCRYPTION, CryptoSuite.KEY_LENGTH),
                derive(prf, masterSalt, LABEL_AUTHENTICATION, AUTH_KEY_LENGTH),
                derive(prf, masterSalt, LABEL_SALT, CryptoSuite.SALT_LENGTH));
    }

    /** x = (label || index DIV kdr) XOR master salt, the key_id in byte 7 from the right; the PRF is AES-CM at IV x * 2^16. */
    private static byte[] derive(AesCounter prf, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[AesCounter.BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, CryptoSuite.SALT_LENGTH);
        iv[7] ^= (byte) label;
        byte[] out = new byte[length];
        prf.keystream(iv, out, length);
        return out;
    }
}
