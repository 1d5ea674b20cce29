package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.sdp.Multipart;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies as offers: plain SDP, the SDP part of a multipart (boundaries, line ends, nesting), and what has none. */
class OfferBodyTest {
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";

    private static String sdpOf(String contentType, String body) {
        OfferBody b = OfferBody.of(contentType, body.getBytes(StandardCharsets.ISO_8859_1));
        return b.kind() == OfferBody.Kind.SDP ? new String(b.sdp(), StandardCharsets.ISO_8859_1) : b.kind().name();
    }

    private static String mixed(String boundary, String eol) {
        return ("preamble" + eol + "--" + boundary + eol + "Content-Type: application/ISUP;version=itu-t92+" + eol + eol
                + "\u0001\u0010\u0000\u00ff" + eol + "--" + boundary + "  " + eol + "content-type:" + eol
                + " application/SDP" + eol + eol + SDP.replace("\r\n", eol) + eol + "--" + boundary + "--" + eol
                + "epilogue" + eol);
    }

    @Test
    void plainSdpIsTheOffer() {
        assertEquals(SDP, sdpOf("application/sdp", SDP));
        assertEquals("NONE", sdpOf("application/sdp", ""));
    }

    @Test
    void theSdpPartOfAMultipartIsTheOfferWithCrlfOrLf() {
        assertEquals(SDP, sdpOf("multipart/mixed; boundary=b1", mixed("b1", "\r\n")));
        assertEquals(SDP.replace("\r\n", "\n"), sdpOf("multipart/alternative;boundary=b1", mixed("b1", "\n")));
    }

    @Test
    void quotedBoundariesWithSpacesAndSemicolonsAreHonoured() {
        String boundary = "simple boundary;x=\"y\"";
        String quoted = "\"simple boundary;x=\\\"y\\\"\"";
        assertEquals(SDP, sdpOf("multipart/mixed;charset=x;boundary=" + quoted, mixed(boundary, "\r\n")));
    }

    @Test
    void aBoundaryThatIsOnlyAPrefixOfALineIsNotADelimiter() {
        String body = "--b\r\nContent-Type: application/sdp\r\n\r\n" + SDP + "--bx\r\n\r\n--b--\r\n";
        assertEquals(SDP + "--bx\r\n", sdpOf("multipart/mixed;boundary=b", body));
    }

    @Test
    void aNestedMultipartIsSearched() {
        String inner = mixed("in", "\r\n");
        String body = "--out\r\nContent-Type: text/plain\r\n\r\nhi\r\n--out\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n"
                + inner + "\r\n--out--\r\n";
        assertEquals(SDP, sdpOf("multipart/mixed;boundary=out", body));
    }

    @Test
    void bodiesWithoutSdpAreUnusable() {
        assertEquals("UNUSABLE", sdpOf("text/plain", "hello"));
        assertEquals("UNUSABLE", sdpOf("multipart/mixed", mixed("b1", "\r\n")));
        assertEquals("UNUSABLE", sdpOf("multipart/mixed;boundary=other", mixed("b1", "\r\n")));
        assertEquals("UNUSABLE", sdpOf("multipart/related;boundary=b1", mixed("b1", "\r\n")));
        String noClose = "--b\r\nContent-Type: application/sdp\r\n\r\n" + SDP;
        assertEquals("UNUSABLE", sdpOf("multipart/mixed;boundary=b", noClose));
    }

    @Test
    void rfc4475Mpart01HasTwoPartsAndNoSdp() throws Exception {
        byte[] message = TortureCorpus.load().get("mpart01").bytes();
        String text = new String(message, StandardCharsets.ISO_8859_1);
        byte[] body = text.substring(text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(2, Multipart.parts("7a9cbec02ceef655", body).size());
        assertEquals("text/plain", Multipart.parts("7a9cbec02ceef655", body).get(0).mediaType());
        assertEquals("UNUSABLE", sdpOf("multipart/mixed;boundary=7a9cbec02ceef655", new String(body, StandardCharsets.ISO_8859_1)));
    }
}
