package gateway.rtp;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one RTP stream a peer receives from us on a leg, whatever feeds it: relay from one
 * bridged leg, then another (ring-all, retries, re-INVITE), or playback. Our SSRC never changes;
 * at each change of source the sequence number carries on from the last one sent and the
 * timestamp from where the last packet ended (or further, by the wall-clock time that has passed),
 * and the first audio packet gets the marker bit so the peer's jitter buffer resynchronises.
 * Within one source the offsets stay fixed, so the source's own loss and reordering show through.
 */
final class OutboundStream {
    private static final Object PLAYBACK = new Object();
    private static final long SAMPLES_PER_MS = 8;

    private final int ssrc;
    private int lastSequence;
    private long lastTimestamp;
    private long nextTimestamp;
    private long lastSentMs;
    private boolean sentAny;
    private Object source;
    private int sourceSsrc;
    private int sequenceOffset;
    private long timestampOffset;

    OutboundStream() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ssrc = random.nextInt();
        lastSequence = random.nextInt(0x10000);
        nextTimestamp = random.nextInt() & RtpHeader.TIMESTAMP_MASK;
        lastTimestamp = nextTimestamp;
    }

    int ssrc() {
        return ssrc;
    }

    /**
     * Rewrites the header of a packet relayed {@code from} another leg.
     *
     * @param span how many timestamp units the packet covers from its timestamp
     */
    void relay(ByteBuf packet, Object from, int span, boolean audio, long nowMs) {
        int theirSsrc = RtpHeader.ssrc(packet);
        int theirSequence = RtpHeader.sequence(packet);
        long theirTimestamp = RtpHeader.timestamp(packet);
        boolean switched = from != source || theirSsrc != sourceSsrc;
        if (switched) {
            source = from;
            sourceSsrc = theirSsrc;
            sequenceOffset = lastSequence + 1 - theirSequence;
            timestampOffset = resumeTimestamp(nowMs) - theirTimestamp;
        }
        int sequence = (theirSequence + sequenceOffset) & 0xFFFF;
        long timestamp = (theirTimestamp + timestampOffset) & RtpHeader.TIMESTAMP_MASK;
        RtpHeader.setStream(packet, sequence, timestamp, ssrc);
        if (switched && audio) {
            RtpHeader.setMarker(packet);
        }
        sent(sequence, timestamp, span, nowMs);
    }

    /** Writes the header of a packet we originate (prompt, music), continuing the stream. */
    void playback(ByteBuf out, int payloadType, int span, long nowMs) {
        boolean switched = source != PLAYBACK;
        if (switched) {
            source = PLAYBACK;
            nextTimestamp = resumeTimestamp(nowMs);
        }
        int sequence = (lastSequence + 1) & 0xFFFF;
        long timestamp = nextTimestamp;
        RtpHeader.write(out, payloadType, switched, sequence, timestamp, ssrc);
        sent(sequence, timestamp, span, nowMs);
    }

    /** Where the stream's timestamps are now: the start of an event we insert. */
    long eventTimestamp(long nowMs) {
        return resumeTimestamp(nowMs);
    }

    /**
     * Writes the header of an RFC 4733 packet we insert into the stream, whatever feeds it: the
     * next sequence number, the event's own timestamp. The audio's timestamps go on untouched, and
     * a relayed source's sequence numbers shift by one so they keep counting after the insert.
     */
    void event(ByteBuf out, int payloadType, boolean marker, long eventTimestamp) {
        int sequence = (lastSequence + 1) & 0xFFFF;
        RtpHeader.write(out, payloadType, marker, sequence, eventTimestamp, ssrc);
        lastSequence = sequence;
        sequenceOffset++;
    }

    private long resumeTimestamp(long nowMs) {
        if (!sentAny) {
            return nextTimestamp;
        }
        long byClock = (lastTimestamp + (nowMs - lastSentMs) * SAMPLES_PER_MS) & RtpHeader.TIMESTAMP_MASK;
        return isAfter(byClock, nextTimestamp) ? byClock : nextTimestamp;
    }

    private void sent(int sequence, long timestamp, int span, long nowMs) {
        // a late (reordered) packet must not pull the stream's position back
        if (!sentAny || (short) (sequence - lastSequence) > 0) {
            lastSequence = sequence;
        }
        long end = (timestamp + span) & RtpHeader.TIMESTAMP_MASK;
        if (!sentAny || isAfter(end, nextTimestamp)) {
            nextTimestamp = end;
            lastTimestamp = timestamp;
        }
        lastSentMs = nowMs;
        sentAny = true;
    }

    /** RFC 1982 serial-number order on 32-bit timestamps. */
    private static boolean isAfter(long a, long b) {
        return (int) (a - b) > 0;
    }
}
