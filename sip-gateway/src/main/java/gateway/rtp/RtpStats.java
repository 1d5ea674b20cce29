package gateway.rtp;

/**
 * Counters of one leg. {@code dropped} counts packets received and thrown away: not RTP, a
 * payload type the leg did not negotiate, or arriving before the leg has its media.
 */
public record RtpStats(long packetsIn, long bytesIn, long packetsOut, long bytesOut, long dropped, long relatches) {
}
