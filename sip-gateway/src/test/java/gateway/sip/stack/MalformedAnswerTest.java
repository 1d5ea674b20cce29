package gateway.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The answer to a request the stack cannot route, as text: what it copies, and when there is none. */
class MalformedAnswerTest {
    private static final String HEAD = "INVITE sip:a@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1;;,;,,\r\n"
            + "v: SIP/2.0/TCP 192.0.2.2:5070\r\n"
            + "  ;branch=z9hG4bK1\r\n"
            + "From: <sip:b@example.com>;tag=1\r\n"
            + "t: <sip:a@example.com>\r\n"
            + "Call-ID: x1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:b@192.0.2.1>\r\n"
            + "Max-Forwards: 70";

    @Test
    void copiesViaFromToCallIdAndCSeqAsTheyCameWithAToTagAdded() {
        String answer = MalformedAnswer.answer(HEAD, "INVITE sip:a@example.com SIP/2.0", "Bad Via\n");
        String[] lines = answer.split("\r\n");
        assertEquals("SIP/2.0 400 Bad Via?", lines[0], "the reason phrase stays on its line");
        assertEquals("Via: SIP/2.0/UDP 192.0.2.1;;,;,,", lines[1]);
        assertEquals("v: SIP/2.0/TCP 192.0.2.2:5070", lines[2]);
        assertEquals("  ;branch=z9hG4bK1", lines[3], "a folded line goes with its header");
        assertEquals("From: <sip:b@example.com>;tag=1", lines[4]);
        assertTrue(lines[5].startsWith("t: <sip:a@example.com>;tag="), lines[5]);
        assertEquals("Call-ID: x1", lines[6]);
        assertEquals("CSeq: 1 INVITE", lines[7]);
        assertEquals("Content-Length: 0", lines[8]);
        assertTrue(answer.endsWith("\r\n\r\n"));
    }

    @Test
    void anotherSipVersionGets505() {
        String first = "OPTIONS sip:a@example.com SIP/7.0";
        assertTrue(MalformedAnswer.answer(first + "\r\nVia: SIP/7.0/UDP h", first, "x").startsWith(
                "SIP/2.0 505 Version Not Supported\r\n"));
        assertTrue(MalformedAnswer.otherVersion((" \r\n" + first + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(MalformedAnswer.otherVersion("OPTIONS sip:a SIP/2.0\r\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void withoutAViaThereIsNoAnswer() {
        assertNull(MalformedAnswer.answer("INVITE sip:a SIP/2.0\r\nCall-ID: x", "INVITE sip:a SIP/2.0", "Missing Via"));
    }
}
