package gateway.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MIME multipart body (RFC 2046 section 5.1) taken apart: preamble and epilogue ignored, CRLF
 * or bare LF line ends, part headers (folded lines too), nested multiparts searched. Octets are
 * kept as they are (ISO-8859-1 in, ISO-8859-1 out), so binary parts such as ISUP pass through.
 */
public final class Multipart {
    private static final int MAX_DEPTH = 4;

    /** One body part: its media type ({@code type/subtype}, lower case), its boundary if a multipart, its octets. */
    public record Part(String mediaType, String boundary, byte[] content) {
    }

    private Multipart() {
    }

    /** The content of the first {@code application/sdp} part, nested multiparts included, or empty. */
    public static Optional<byte[]> sdpPart(String boundary, byte[] body) {
        return find(boundary, body, 0);
    }

    private static Optional<byte[]> find(String boundary, byte[] body, int depth) {
        for (Part p : parts(boundary, body)) {
            if ("application/sdp".equals(p.mediaType())) {
                return Optional.of(p.content());
            }
            if (depth < MAX_DEPTH && p.mediaType().startsWith("multipart/") && p.boundary() != null) {
                Optional<byte[]> inner = find(p.boundary(), p.content(), depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The parts between the delimiters; none when the boundary is missing or never found. */
    public static List<Part> parts(String boundary, byte[] body) {
        List<Part> parts = new ArrayList<>();
        if (boundary == null || boundary.isEmpty() || body == null) {
            return parts;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = delimiterAt(text, delimiter, 0, true);
        while (at >= 0) {
            int after = at + delimiter.length();
            if (text.startsWith("--", after)) {
                break; // the close delimiter: the rest is epilogue
            }
            int lineEnd = text.indexOf('\n', after);
            if (lineEnd < 0) {
                break;
            }
            int next = delimiterAt(text, delimiter, lineEnd, false);
            if (next < 0) {
                break; // no closing delimiter: an unfinished part is not used
            }
            int end = next - 1;
            if (end > lineEnd && text.charAt(end - 1) == '\r') {
                end--;
            }
            parts.add(part(text.substring(lineEnd + 1, Math.max(lineEnd + 1, end))));
            at = next;
        }
        return parts;
    }

    /** Where the next delimiter line starts at or after {@code from} (at a line start), or -1. */
    private static int delimiterAt(String text, String delimiter, int from, boolean mayBeFirst) {
        if (mayBeFirst && from == 0 && text.startsWith(delimiter) && delimiterEnds(text, delimiter.length())) {
            return 0;
        }
        int i = from;
        while ((i = text.indexOf("\n" + delimiter, i)) >= 0) {
            if (delimiterEnds(text, i + 1 + delimiter.length())) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** A delimiter is followed by "--", transport padding or the line end, not by more boundary characters. */
    private static boolean delimiterEnds(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        return c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static Part part(String raw) {
        int split;
        int bodyStart;
        if (raw.startsWith("\r\n") || raw.startsWith("\n")) {
            split = 0;
            bodyStart = raw.startsWith("\r\n") ? 2 : 1;
        } else {
            int crlf = raw.indexOf("\r\n\r\n");
            int lf = raw.indexOf("\n\n");
            if (crlf >= 0 && (lf < 0 || crlf < lf)) {
                split = crlf;
                bodyStart = crlf + 4;
            } else if (lf >= 0) {
                split = lf;
                bodyStart = lf + 2;
            } else {
                split = raw.length();
                bodyStart = raw.length();
            }
        }
        String type = "text/plain";
        String boundary = null;
        String contentType = header(raw.substring(0, split), "content-type");
        if (contentType != null) {
            List<String> fields = ContentTypes.fields(contentType);
            type = fields.get(0).toLowerCase(Locale.ROOT);
            boundary = ContentTypes.parameter(fields, "boundary");
        }
        return new Part(type, boundary, raw.substring(bodyStart).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The value of header {@code name} (lower case) among part headers, folded lines joined, or null. */
    private static String header(String headers, String name) {
        String unfolded = headers.replaceAll("\r?\n[ \t]+", " ");
        for (String line : unfolded.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
