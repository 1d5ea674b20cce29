package gateway.sdp;

import java.util.Optional;

/** The audio codecs the gateway relays and transcodes: the two G.711 laws, static payload types. */
public enum AudioCodec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final String encoding;

    AudioCodec(int payloadType, String encoding) {
        this.payloadType = payloadType;
        this.encoding = encoding;
    }

    public int payloadType() {
        return payloadType;
    }

    public String encoding() {
        return encoding;
    }

    public RtpMap rtpMap() {
        return new RtpMap(payloadType, encoding, CLOCK_RATE, null);
    }

    /** The codec with static payload type {@code payloadType}, or null. */
    public static AudioCodec ofStatic(int payloadType) {
        switch (payloadType) {
            case 0:
                return PCMU;
            case 8:
                return PCMA;
            default:
                return null;
        }
    }

    /**
     * The codec a media description means by {@code payloadType}: its rtpmap if it has one, else
     * the static assignment of RFC 3551.
     */
    public static Optional<AudioCodec> of(MediaDescription media, int payloadType) {
        RtpMap map = media.rtpMap(payloadType);
        for (AudioCodec codec : values()) {
            if (map == null ? codec.payloadType == payloadType : map.is(codec.encoding, CLOCK_RATE)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
