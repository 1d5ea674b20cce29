package gateway.sdp;

/** Writes a {@link SessionDescription} with CRLF line ends, as RFC 4566 asks. */
public final class SdpWriter {
    private SdpWriter() {
    }

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(256);
        line(out, 'v', "0");
        line(out, 'o', sdp.origin().line());
        line(out, 's', sdp.sessionName().isEmpty() ? "-" : sdp.sessionName());
        if (sdp.connection() != null) {
            line(out, 'c', sdp.connection().line());
        }
        line(out, 't', "0 0");
        for (Attribute a : sdp.attributes()) {
            line(out, 'a', a.line());
        }
        for (MediaDescription m : sdp.media()) {
            String port = m.portCount() > 1 ? m.port() + "/" + m.portCount() : Integer.toString(m.port());
            line(out, 'm', m.media() + " " + port + " " + m.proto() + " " + String.join(" ", m.formats()));
            if (m.connection() != null) {
                line(out, 'c', m.connection().line());
            }
            for (Attribute a : m.attributes()) {
                line(out, 'a', a.line());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, char type, String value) {
        out.append(type).append('=').append(value).append("\r\n");
    }
}
