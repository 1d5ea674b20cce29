package gateway.sdp;

import ivr.audio.Codec;
import java.util.List;
import java.util.Optional;

/**
 * One {@code m=} section. Formats stay strings because non-RTP media (a rejected T.38 or
 * application line) have non-numeric formats; RTP formats are checked to be numbers by the parser.
 *
 * @param portCount the {@code /n} suffix of the port, 1 when absent
 * @param connection the media-level {@code c=} line, or null to use the session one
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Connection connection, List<Attribute> attributes) {

    public MediaDescription {
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
    }

    public boolean isRtp() {
        return proto.startsWith("RTP/");
    }

    /** The first value of attribute {@code name}, or null. */
    public String attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value() == null ? "" : a.value();
            }
        }
        return null;
    }

    public RtpMap rtpMap(int payloadType) {
        for (Attribute a : attributes) {
            if (a.name().equals("rtpmap")) {
                RtpMap map = SdpParser.rtpMap(a.value());
                if (map != null && map.payloadType() == payloadType) {
                    return map;
                }
            }
        }
        return null;
    }

    /**
     * The codec this media description means by {@code payloadType}: its rtpmap if it has one,
     * else the static assignment of RFC 3551.
     */
    public Optional<Codec> codec(int payloadType) {
        RtpMap map = rtpMap(payloadType);
        for (Codec codec : Codec.values()) {
            if (map == null ? codec.payloadType() == payloadType : map.is(codec)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The parameters of {@code a=fmtp:<payloadType>}, or null. */
    public String fmtp(int payloadType) {
        String prefix = payloadType + " ";
        for (Attribute a : attributes) {
            if (a.name().equals("fmtp") && a.value() != null && a.value().startsWith(prefix)) {
                return a.value().substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The packetization time in ms, or 0 when not given (or not a number). */
    public int ptime() {
        String p = attribute("ptime");
        if (p == null) {
            return 0;
        }
        try {
            return Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The direction attribute of this section, or null when it has none (the session's applies). */
    public Direction direction() {
        return directionOf(attributes);
    }

    static Direction directionOf(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            Direction d = Direction.fromAttribute(a.name());
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The same section rejected as RFC 3264 asks: port zero, formats kept. */
    public MediaDescription rejected() {
        return new MediaDescription(media, 0, 1, proto, formats, null, List.of());
    }
}
