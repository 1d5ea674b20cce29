package gateway.srtp;

/** The SDES crypto suites we take (RFC 4568 section 6.2): AES counter mode, HMAC-SHA1 with a long or short tag. */
public enum CryptoSuite {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    public static final int KEY_LENGTH = 16;
    public static final int SALT_LENGTH = 14;

    private final int tagLength;

    CryptoSuite(int tagLength) {
        this.tagLength = tagLength;
    }

    /** Bytes of authentication tag after each SRTP packet. */
    public int tagLength() {
        return tagLength;
    }

    /** The suite named in an {@code a=crypto} line, or null for one we do not take. */
    public static CryptoSuite named(String name) {
        for (CryptoSuite s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
