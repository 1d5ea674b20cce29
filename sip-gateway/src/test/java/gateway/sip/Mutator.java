package gateway.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes malformed variants of a SIP message: truncation, bit flips, garbage, wrong
 * Content-Length, huge or missing headers, bad URIs and versions. Seeded, so a failure repeats.
 */
final class Mutator {
    static final int KINDS = 19;
    private static final String[] MANDATORY = {"Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards"};
    private static final String[] BAD_URIS = {"sip:@@@", "sip:[::1", "http://example.com/x", "<sip:a@b>", "sip:a@b:99999",
        "sip:%%%@host", "sip:user@", ":", "sip:a@b;=;=;", "tel:+1-(555", "sip:" + "a".repeat(300) + "@[1::2::3]"};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** Every kind of mutation of {@code message}, one each. */
    List<byte[]> variants(byte[] message) {
        List<byte[]> out = new ArrayList<>(KINDS);
        for (int kind = 0; kind < KINDS; kind++) {
            out.add(mutate(message, kind));
        }
        return out;
    }

    byte[] mutate(byte[] message, int kind) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String result = switch (kind) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 1 -> flip(text, 1 + random.nextInt(8));
            case 2 -> insertAt(text, garbage(1 + random.nextInt(64)));
            case 3 -> setContentLength(text, switch (random.nextInt(4)) {
                case 0 -> Integer.toString(bodyLength(text) + 1 + random.nextInt(500));
                case 1 -> "-" + (1 + random.nextInt(100));
                case 2 -> "99999999999999999999";
                default -> "twelve";
            });
            case 4 -> addHeader(text, "Subject: " + "a".repeat(60_000));
            case 5 -> addHeader(text, "X-Filler: v\r\n".repeat(2000).trim());
            case 6 -> replaceRequestUri(text, BAD_URIS[random.nextInt(BAD_URIS.length)]);
            case 7 -> removeHeader(text, MANDATORY[random.nextInt(MANDATORY.length)]);
            case 8 -> garbage(20) + text.substring(Math.max(0, text.indexOf("\r\n")));
            case 9 -> addHeader(text, "CSeq: " + random.nextInt() + " NOTIFY");
            case 10 -> addHeader(text, "NoColonHere " + garbage(10).replace("\r", "").replace("\n", ""));
            case 11 -> insertAt(text, "\0\0\0");
            case 12 -> text.replace("\r\n", "\n");
            case 13 -> text.replaceFirst("SIP/2\\.0", random.nextBoolean() ? "SIP/7.3" : "SIP/2.0.0.0");
            case 14 -> replaceRequestUri(text, "sip:" + "x".repeat(10_000) + "@127.0.0.1");
            case 15 -> garbage(1 + random.nextInt(2000));
            case 16 -> random.nextBoolean() ? "" : "\r\n\r\n\r\n";
            case 17 -> text.replaceFirst("^[A-Za-z!%*_+`'~.0-9-]+", "X" + Integer.toHexString(random.nextInt()));
            case 18 -> addHeader(removeHeader(text, "Content-Type"), "Content-Type: " + garbage(8).replace("\r", "").replace("\n", ""));
            default -> throw new IllegalArgumentException("kind " + kind);
        };
        return result.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String flip(String text, int n) {
        if (text.isEmpty()) {
            return text;
        }
        char[] c = text.toCharArray();
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(c.length);
            c[at] = (char) ((c[at] ^ (1 << random.nextInt(8))) & 0xff);
        }
        return new String(c);
    }

    private String insertAt(String text, String insert) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + insert + text.substring(at);
    }

    private String garbage(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) random.nextInt(256);
        }
        return new String(c);
    }

    private static int headEnd(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text.length() : end;
    }

    private static int bodyLength(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? 0 : text.length() - end - 4;
    }

    private static String addHeader(String text, String header) {
        int firstLineEnd = text.indexOf("\r\n");
        if (firstLineEnd < 0) {
            return text + "\r\n" + header + "\r\n";
        }
        return text.substring(0, firstLineEnd + 2) + header + "\r\n" + text.substring(firstLineEnd + 2);
    }

    private static String removeHeader(String text, String name) {
        int end = headEnd(text);
        String head = text.substring(0, end).replaceAll("(?im)^" + java.util.regex.Pattern.quote(name) + "[ \\t]*:.*(\\r\\n[ \\t].*)*(\\r\\n|$)", "");
        return head + text.substring(end);
    }

    private static String setContentLength(String text, String value) {
        String removed = removeHeader(removeHeader(text, "Content-Length"), "l");
        return addHeader(removed, "Content-Length: " + value);
    }

    private static String replaceRequestUri(String text, String uri) {
        int sp1 = text.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
        int eol = text.indexOf("\r\n");
        if (sp1 < 0 || sp2 < 0 || (eol >= 0 && sp2 > eol)) {
            return text;
        }
        return text.substring(0, sp1 + 1) + uri + text.substring(sp2);
    }
}
