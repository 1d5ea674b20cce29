package gateway.srtp;

/**
 * One direction of SRTP for one leg (RFC 3711): the session keys, the rollover counter and, when
 * receiving, the highest index seen and a 64-packet replay window. Works in place on a packet in
 * a byte array and allocates nothing per packet. Not thread-safe: one per direction of a leg.
 *
 * <p>A receiving stream follows one SSRC; when the peer starts another (a new source after a
 * re-INVITE or a transfer on its side) the counters start again for it, as for a new stream.
 */
public final class SrtpStream {
    private static final int REPLAY_WINDOW = 64;

    private final CryptoSuite suite;
    private final byte[] salt;
    private final AesCounter cipher;
    private final HmacSha1 mac;
    private final byte[] iv = new byte[AesCounter.BLOCK];
    private final byte[] roc = new byte[4];
    private final byte[] tag = new byte[HmacSha1.LENGTH];

    private boolean started;
    private int ssrc;
    private long rollover;
    private int highestSeq;
    private long replayBits;

    public SrtpStream(SdesKey key) {
        this.suite = key.suite();
        SessionKeys keys = SessionKeys.derive(key.masterKey(), key.masterSalt());
        this.salt = keys.salt();
        this.cipher = new AesCounter(keys.encryption());
        this.mac = new HmacSha1(keys.authentication());
    }

    public CryptoSuite suite() {
        return suite;
    }

    /**
     * Encrypts the RTP packet of {@code length} bytes at {@code offset} and appends its tag.
     *
     * @param headerLength the RTP header with CSRCs and extension, which stays in clear
     * @return the SRTP packet's length: {@code length} plus the tag
     */
    public int protect(byte[] packet, int offset, int length, int headerLength) {
        int seq = sequence(packet, offset);
        int packetSsrc = ssrc(packet, offset);
        if (!started || packetSsrc != ssrc) {
            restart(packetSsrc, seq);
        } else if (seq < highestSeq && highestSeq - seq > 0x8000) {
            rollover = (rollover + 1) & 0xFFFF_FFFFL;
            highestSeq = seq;
        } else if (seq > highestSeq) {
            highestSeq = seq;
        }
        long index = rollover << 16 | seq;
        cipher.apply(iv(packetSsrc, index), packet, offset + headerLength, length - headerLength);
        authenticate(packet, offset, length, rollover);
        System.arraycopy(tag, 0, packet, offset + length, suite.tagLength());
        return length + suite.tagLength();
    }

    /**
     * Checks and decrypts the SRTP packet of {@code length} bytes at {@code offset}.
     *
     * @return the RTP packet's length (without the tag), or -1 for a forged, damaged or replayed one
     */
    public int unprotect(byte[] packet, int offset, int length, int headerLength) {
        int rtpLength = length - suite.tagLength();
        if (rtpLength < headerLength) {
            return -1;
        }
        int seq = sequence(packet, offset);
        int packetSsrc = ssrc(packet, offset);
        boolean fresh = !started || packetSsrc != ssrc;
        long guess = fresh ? 0 : guessRollover(seq);
        long index = guess << 16 | seq;
        if (!fresh && replayed(index)) {
            return -1;
        }
        authenticate(packet, offset, rtpLength, guess);
        if (!tagMatches(packet, offset + rtpLength)) {
            return -1;
        }
        if (fresh) {
            restart(packetSsrc, seq);
        }
        accept(index, guess, seq);
        cipher.apply(iv(packetSsrc, index), packet, offset + headerLength, rtpLength - headerLength);
        return rtpLength;
    }

    private void restart(int newSsrc, int seq) {
        started = true;
        ssrc = newSsrc;
        rollover = 0;
        highestSeq = seq;
        replayBits = 0;
    }

    /** RFC 3711 section 3.3.1: the rollover counter this sequence number most likely belongs to. */
    private long guessRollover(int seq) {
        if (highestSeq < 0x8000) {
            return seq - highestSeq > 0x8000 && rollover > 0 ? rollover - 1 : rollover;
        }
        return highestSeq - 0x8000 > seq ? (rollover + 1) & 0xFFFF_FFFFL : rollover;
    }

    private boolean replayed(long index) {
        long highest = rollover << 16 | highestSeq;
        long behind = highest - index;
        return behind >= REPLAY_WINDOW || (behind >= 0 && (replayBits & 1L << behind) != 0);
    }

    private void accept(long index, long guess, int seq) {
        long highest = rollover << 16 | highestSeq;
        if (index > highest) {
            long ahead = index - highest;
            replayBits = ahead >= REPLAY_WINDOW ? 1 : replayBits << ahead | 1;
            rollover = guess;
            highestSeq = seq;
        } else {
            replayBits |= 1L << (highest - index);
        }
    }

    /** The packet's IV: (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16). */
    private byte[] iv(int packetSsrc, long index) {
        System.arraycopy(salt, 0, iv, 0, CryptoSuite.SALT_LENGTH);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (packetSsrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        return iv;
    }

    /** HMAC-SHA1 over the packet and the rollover counter, into {@link #tag}. */
    private void authenticate(byte[] packet, int offset, int length, long rolloverCounter) {
        for (int i = 0; i < 4; i++) {
            roc[i] = (byte) (rolloverCounter >>> (24 - 8 * i));
        }
        mac.start();
        mac.update(packet, offset, length);
        mac.update(roc, 0, 4);
        mac.finish(tag, 0);
    }

    /** Compares all the tag's bytes whatever the first difference, so timing tells a forger nothing. */
    private boolean tagMatches(byte[] packet, int at) {
        int diff = 0;
        for (int i = 0; i < suite.tagLength(); i++) {
            diff |= tag[i] ^ packet[at + i];
        }
        return diff == 0;
    }

    private static int sequence(byte[] p, int offset) {
        return (p[offset + 2] & 0xFF) << 8 | (p[offset + 3] & 0xFF);
    }

    private static int ssrc(byte[] p, int offset) {
        return (p[offset + 8] & 0xFF) << 24 | (p[offset + 9] & 0xFF) << 16 | (p[offset + 10] & 0xFF) << 8
                | (p[offset + 11] & 0xFF);
    }
}
