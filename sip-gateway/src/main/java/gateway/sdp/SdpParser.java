package gateway.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an SDP body strictly where a mistake would mislead us (line syntax, o=, c=, m=, rtpmap)
 * and leniently where real phones differ (LF or CRLF endings, blank or trailing-space lines,
 * missing s= or t=, lower-case encodings, unknown attributes).
 */
public final class SdpParser {
    private static final int MAX_LENGTH = 16 * 1024;

    private SdpParser() {
    }

    public static SessionDescription parse(String body) throws SdpException {
        if (body == null || body.isBlank()) {
            throw new SdpException("empty SDP body");
        }
        if (body.length() > MAX_LENGTH) {
            throw new SdpException("SDP body longer than " + MAX_LENGTH + " characters");
        }
        String[] lines = body.split("\r\n|\n|\r");
        Builder b = new Builder();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpException("line " + number + ": expected <type>=<value> but got '" + shorten(line) + "'");
            }
            try {
                b.line(line.charAt(0), line.substring(2));
            } catch (SdpException e) {
                throw new SdpException("line " + number + ": " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Parses the value of an {@code a=rtpmap:} attribute, or returns null when it is malformed. */
    static RtpMap rtpMap(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.trim().split("\\s+", 2);
        if (parts.length != 2) {
            return null;
        }
        String[] enc = parts[1].trim().split("/", 3);
        if (enc.length < 2 || enc[0].isEmpty()) {
            return null;
        }
        int pt = smallInt(parts[0], 127);
        int rate = smallInt(enc[1], Integer.MAX_VALUE);
        if (pt < 0 || rate <= 0) {
            return null;
        }
        return new RtpMap(pt, enc[0], rate, enc.length == 3 ? enc[2] : null);
    }

    /** A non-negative decimal no larger than {@code max}, or -1. */
    static int smallInt(String s, int max) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : (int) v;
    }

    private static String shorten(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    /** Collects lines in order; a section opens at each m= line. */
    private static final class Builder {
        private boolean versionSeen;
        private Origin origin;
        private String sessionName = "-";
        private Connection sessionConnection;
        private final List<Attribute> sessionAttributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private MediaBuilder current;

        void line(char type, String value) throws SdpException {
            if (!versionSeen) {
                if (type != 'v') {
                    throw new SdpException("an SDP body must start with v=0");
                }
                if (!value.trim().equals("0")) {
                    throw new SdpException("unsupported SDP version '" + value + "'");
                }
                versionSeen = true;
                return;
            }
            switch (type) {
                case 'v':
                    throw new SdpException("a second v= line");
                case 'o':
                    origin = origin(value);
                    break;
                case 's':
                    sessionName = value;
                    break;
                case 'c':
                    if (current == null) {
                        sessionConnection = connection(value);
                    } else {
                        current.connection = connection(value);
                    }
                    break;
                case 'm':
                    closeSection();
                    current = new MediaBuilder(value);
                    break;
                case 'a':
                    Attribute a = attribute(value);
                    (current == null ? sessionAttributes : current.attributes).add(a);
                    break;
                default:
                    // i= u= e= p= b= t= r= z= k= and unknown types carry nothing we act on
                    break;
            }
        }

        private void closeSection() throws SdpException {
            if (current != null) {
                media.add(current.build());
                current = null;
            }
        }

        SessionDescription build() throws SdpException {
            closeSection();
            if (origin == null) {
                throw new SdpException("missing o= line");
            }
            for (int i = 0; i < media.size(); i++) {
                MediaDescription m = media.get(i);
                if (m.port() != 0 && m.connection() == null && sessionConnection == null) {
                    throw new SdpException("media " + (i + 1) + " (" + m.media() + ") has no c= line and the session has none");
                }
            }
            return new SessionDescription(origin, sessionName, sessionConnection, sessionAttributes, media);
        }

        private static Origin origin(String value) throws SdpException {
            String[] f = value.trim().split("\\s+");
            if (f.length != 6) {
                throw new SdpException("o= needs 6 fields (username id version IN type address) but has " + f.length);
            }
            return new Origin(f[0], f[1], f[2], connection(f[3], f[4], f[5]));
        }

        private static Connection connection(String value) throws SdpException {
            String[] f = value.trim().split("\\s+");
            if (f.length != 3) {
                throw new SdpException("c= needs 3 fields (IN type address) but has " + f.length);
            }
            return connection(f[0], f[1], f[2]);
        }

        private static Connection connection(String netType, String addressType, String address) throws SdpException {
            if (!netType.equals("IN")) {
                throw new SdpException("unknown network type '" + netType + "'");
            }
            if (!addressType.equals("IP4") && !addressType.equals("IP6")) {
                throw new SdpException("unknown address type '" + addressType + "'");
            }
            int slash = address.indexOf('/');
            // a multicast TTL or address count follows a slash; we only ever use the address
            String host = slash >= 0 ? address.substring(0, slash) : address;
            if (host.isEmpty()) {
                throw new SdpException("empty connection address");
            }
            return new Connection(addressType, host);
        }

        private static Attribute attribute(String value) throws SdpException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            if (name.isEmpty()) {
                throw new SdpException("attribute without a name");
            }
            Attribute a = new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
            if (name.equals("rtpmap") && rtpMap(a.value()) == null) {
                throw new SdpException("malformed rtpmap '" + a.value() + "'");
            }
            return a;
        }
    }

    private static final class MediaBuilder {
        private final String media;
        private final int port;
        private final int portCount;
        private final String proto;
        private final List<String> formats;
        private Connection connection;
        private final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String value) throws SdpException {
            String[] f = value.trim().split("\\s+");
            if (f.length < 4) {
                throw new SdpException("m= needs media, port, proto and at least one format: '" + shorten(value) + "'");
            }
            media = f[0];
            String[] ports = f[1].split("/", 2);
            port = smallInt(ports[0], 65535);
            portCount = ports.length == 2 ? smallInt(ports[1], 65535) : 1;
            if (port < 0 || portCount < 1) {
                throw new SdpException("bad media port '" + f[1] + "'");
            }
            proto = f[2];
            formats = List.of(f).subList(3, f.length);
            if (proto.startsWith("RTP/")) {
                for (String format : formats) {
                    if (smallInt(format, 127) < 0) {
                        throw new SdpException("RTP payload type '" + format + "' is not a number from 0 to 127");
                    }
                }
            }
        }

        MediaDescription build() {
            return new MediaDescription(media, port, portCount, proto, formats, connection, attributes);
        }
    }
}
