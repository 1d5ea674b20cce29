package ivr.audio;

/**
 * The G.711 codecs a call leg can speak, with the facts RFC 3551 fixes for them: static RTP
 * payload type, rtpmap encoding name and clock rate. The one codec type of the server: the SDP
 * and RTP code of the gateway use it too.
 */
public enum Codec {
    PCMU(0, (byte) 0xFF),
    PCMA(8, (byte) 0xD5);

    /** Samples per second of both G.711 laws. */
    public static final int SAMPLE_RATE = 8000;
    /** Samples (and bytes) in one 20 ms frame. */
    public static final int FRAME_SAMPLES = 160;
    public static final int FRAME_MS = 20;

    private final int payloadType;
    private final byte silence;

    Codec(int payloadType, byte silence) {
        this.payloadType = payloadType;
        this.silence = silence;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The encoding name in an SDP {@code a=rtpmap} line: {@code PCMU} or {@code PCMA}. */
    public String encodingName() {
        return name();
    }

    /** The RTP clock rate, which for G.711 is its sample rate. */
    public int clockRate() {
        return SAMPLE_RATE;
    }

    /** The code word for digital silence. */
    public byte silence() {
        return silence;
    }

    public byte encode(int pcm) {
        return this == PCMU ? G711.linearToUlaw(pcm) : G711.linearToAlaw(pcm);
    }

    public short decode(byte code) {
        return this == PCMU ? G711.ulawToLinear(code) : G711.alawToLinear(code);
    }

    /** The codec with this static payload type, or null if it is neither 0 nor 8. */
    public static Codec forPayloadType(int payloadType) {
        for (Codec c : values()) {
            if (c.payloadType == payloadType) {
                return c;
            }
        }
        return null;
    }
}
