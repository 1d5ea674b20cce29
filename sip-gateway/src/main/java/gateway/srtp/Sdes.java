package gateway.srtp;

/**
 * The SDES keys a leg agreed: {@code ours} encrypts what we send, {@code theirs} decrypts what
 * the peer sends. Both of one suite, the one of the line that was answered.
 */
public record Sdes(SdesKey ours, SdesKey theirs) {
    /** The relay's per-leg SRTP for {@code keys} (null for plain RTP): made once per agreement, reused for every packet. */
    public static SrtpSession session(Sdes keys) {
        return keys == null ? null : new SrtpSession(new SrtpStream(keys.theirs), new SrtpStream(keys.ours));
    }
}
