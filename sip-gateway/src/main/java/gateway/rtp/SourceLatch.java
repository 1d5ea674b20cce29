package gateway.rtp;

import java.net.InetSocketAddress;

/**
 * Symmetric RTP for one leg: our packets go where the peer's come from. The first packet latches
 * its source; another source takes over only once the latched one has been quiet for
 * {@link RtpConfig#relatchQuiet()}, so a stray stream cannot take a call's media away while the
 * peer still sends. Runs on the leg's loop.
 */
final class SourceLatch {
    private final long quietMs;
    private InetSocketAddress latched;
    private long heardMs;
    private long relatches;

    SourceLatch(long quietMs) {
        this.quietMs = quietMs;
    }

    /** A packet from {@code from} at {@code nowMs}: true when it is the peer's (now heard), false to drop it. */
    boolean heard(InetSocketAddress from, long nowMs) {
        if (!from.equals(latched)) {
            if (latched != null && nowMs - heardMs < quietMs) {
                return false;
            }
            if (latched != null) {
                relatches++;
            }
            latched = from;
        }
        heardMs = nowMs;
        return true;
    }

    /** The peer moved (a new address in its SDP): its source is learnt again. */
    void forget() {
        latched = null;
    }

    /** The latched source, or null before the first packet (or after {@link #forget}). */
    InetSocketAddress source() {
        return latched;
    }

    /** When the latched source was heard last. */
    long heardMs() {
        return heardMs;
    }

    /** How often another source took over. */
    long relatches() {
        return relatches;
    }
}
