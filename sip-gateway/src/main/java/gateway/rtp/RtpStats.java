package gateway.rtp;

/**
 * Counters of one leg. {@code dropped} counts packets received and thrown away: not RTP, a
 * payload type the leg did not negotiate, arriving before the leg has its media, or from a
 * stranger while the latched source is still live. {@code relatches} counts source changes.
 */
public record RtpStats(long packetsIn, long bytesIn, long packetsOut, long bytesOut, long dropped, long relatches) {
}
