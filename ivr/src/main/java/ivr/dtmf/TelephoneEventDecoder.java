package ivr.dtmf;

/**
 * Turns the RFC 4733 telephone-event packets of one RTP stream into key presses. A sender
 * repeats packets for one event (same RTP timestamp) while the key is down and sends the end
 * packet three times; all of them make ONE key press, reported on the first packet seen so a
 * menu can barge in at once. The event ends with its end bit or when a packet with a new
 * timestamp arrives (the end packets were lost); packets older than the current event are
 * reordered leftovers and ignored. Events carried again in RFC 2198 redundant blocks
 * ({@link #onRedundantPacket}) count once too, and recover a key whose own packets were lost.
 * One instance per call leg, used on that leg's event loop.
 */
public final class TelephoneEventDecoder {
    public static final int PAYLOAD_BYTES = 4;
    /** A segment of a key held longer than the 16-bit duration field ends this close to the maximum. */
    private static final int LONG_EVENT_SEGMENT = 0xFF00;

    private final int payloadType;
    private final DigitListener listener;

    private boolean any;
    private int timestamp;
    private int event;
    private int duration;
    private boolean ended;
    private long digits;
    private long ignored;

    /** @param payloadType the dynamic payload type negotiated for telephone-event/8000 */
    public TelephoneEventDecoder(int payloadType, DigitListener listener) {
        if (payloadType < 96 || payloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type " + payloadType
                    + " must be dynamic (96-127)");
        }
        this.payloadType = payloadType;
        this.listener = listener;
    }

    public int payloadType() {
        return payloadType;
    }

    /** Whether the gateway should hand a packet with this payload type to {@link #onPacket}. */
    public boolean accepts(int rtpPayloadType) {
        return rtpPayloadType == payloadType;
    }

    /**
     * One RTP packet's payload (RTP header already stripped).
     *
     * @param rtpTimestamp the packet's RTP timestamp: the event's start, the same in every packet of it
     * @return the key reported by this packet, or 0 if it reported none
     */
    public char onPacket(int rtpTimestamp, byte[] payload, int offset, int length) {
        if (length < PAYLOAD_BYTES) {
            ignored++;
            return 0;
        }
        int code = payload[offset] & 0xFF;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int segmentDuration = ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);
        if (any && rtpTimestamp == timestamp && code == event) {
            ended |= end; // a repeat or one of the end packets of the current event
            duration = Math.max(duration, segmentDuration);
            return 0;
        }
        if (any && rtpTimestamp - timestamp < 0) {
            ignored++; // serial-number arithmetic: an earlier event arriving late
            return 0;
        }
        // RFC 4733 2.5.1.3: a key held past the 16-bit duration goes on under a new timestamp
        boolean continuation = any && !ended && code == event && duration >= LONG_EVENT_SEGMENT
                && rtpTimestamp - timestamp <= 0x10000;
        any = true;
        timestamp = rtpTimestamp;
        event = code;
        duration = segmentDuration;
        ended = end;
        char key = DtmfKeys.keyOf(code);
        if (key == 0 || continuation) {
            ignored += key == 0 ? 1 : 0;
            return 0;
        }
        digits++;
        listener.onDigit(key);
        return key;
    }

    /**
     * An RFC 2198 "red" payload: redundant blocks (older events, at the packet's timestamp minus
     * their offset) and the primary block. Blocks of other payload types are skipped.
     *
     * @return the last key reported, or 0
     */
    public char onRedundantPacket(int rtpTimestamp, byte[] payload, int offset, int length) {
        int end = offset + length;
        int header = offset;
        int data = offset;
        // headers first: 4 bytes per redundant block (F=1), 1 byte for the primary (F=0)
        while (data < end && (payload[data] & 0x80) != 0) {
            data += 4;
        }
        data++;
        if (data > end) {
            ignored++;
            return 0;
        }
        char reported = 0;
        while (header < end) {
            int pt = payload[header] & 0x7F;
            boolean primary = (payload[header] & 0x80) == 0;
            int blockTimestamp = rtpTimestamp;
            int blockLength = end - data;
            if (!primary) {
                int offsetTs = ((payload[header + 1] & 0xFF) << 6) | ((payload[header + 2] & 0xFC) >> 2);
                blockTimestamp = rtpTimestamp - offsetTs;
                blockLength = ((payload[header + 2] & 0x03) << 8) | (payload[header + 3] & 0xFF);
            }
            if (data + blockLength > end) {
                ignored++;
                return reported;
            }
            if (pt == payloadType) {
                for (int at = data; at + PAYLOAD_BYTES <= data + blockLength; at += PAYLOAD_BYTES) {
                    char key = onPacket(blockTimestamp, payload, at, PAYLOAD_BYTES);
                    reported = key != 0 ? key : reported;
                }
            }
            data += blockLength;
            if (primary) {
                break;
            }
            header += 4;
        }
        return reported;
    }

    /** Whether the last event has ended (end bit seen); false while a key is held. */
    public boolean idle() {
        return !any || ended;
    }

    public long digitsReported() {
        return digits;
    }

    /** Packets too short, of non-key events, or out of order. */
    public long packetsIgnored() {
        return ignored;
    }
}
