package ivr.dtmf;

/**
 * Turns the RFC 4733 telephone-event packets of one RTP stream into key presses. A sender
 * repeats packets for one event (same RTP timestamp) while the key is down and sends the end
 * packet three times; all of them make ONE key press, reported on the first packet seen so a
 * menu can barge in at once. The event ends with its end bit or when a packet with a new
 * timestamp arrives (the end packets were lost); packets older than the current event are
 * reordered leftovers and ignored. One instance per call leg, used on that leg's event loop.
 */
public final class TelephoneEventDecoder {
    public static final int PAYLOAD_BYTES = 4;

    private final int payloadType;
    private final DigitListener listener;

    private boolean any;
    private int timestamp;
    private int event;
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
        if (any && rtpTimestamp == timestamp && code == event) {
            ended |= end; // a repeat or one of the end packets of the current event
            return 0;
        }
        if (any && rtpTimestamp - timestamp < 0) {
            ignored++; // serial-number arithmetic: an earlier event arriving late
            return 0;
        }
        any = true;
        timestamp = rtpTimestamp;
        event = code;
        ended = end;
        char key = DtmfKeys.keyOf(code);
        if (key == 0) {
            ignored++;
            return 0;
        }
        digits++;
        listener.onDigit(key);
        return key;
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
