package gateway.sip.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing of a TCP byte stream into messages, fed as the selector reads it: in any chunks. */
class StreamFramerTest {
    private static final String BODY = "v=0\r\n";
    private static final String OPTIONS = "OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
            + "From: <sip:b@127.0.0.1>;tag=1\r\nTo: <sip:a@127.0.0.1>\r\n"
            + "i: call-1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
            + "Content-Type: application/sdp\r\nl: " + BODY.length() + "\r\n\r\n" + BODY;

    private final List<SIPMessage> delivered = new ArrayList<>();
    private int pongs;
    private final StreamFramer.Stream stream = new StreamFramer.Stream() {
        @Override
        public SIPMessage parse(byte[] head) throws ParseException {
            return new StringMsgParser().parseSIPMessage(head, false, false, null);
        }

        @Override
        public void deliver(SIPMessage message) {
            delivered.add(message);
        }

        @Override
        public void pong() {
            pongs++;
        }
    };

    @Test
    void messagesSplitAnywhereComeOutWholeWithTheirBodiesAndCompactHeaders() throws IOException {
        byte[] two = ("\r\n" + OPTIONS + OPTIONS.replace("call-1", "call-2")).getBytes(StandardCharsets.UTF_8);
        StreamFramer framer = new StreamFramer(stream, 64 * 1024);
        for (byte b : two) {
            framer.add(new byte[] {b});
        }
        assertEquals(List.of("call-1", "call-2"), delivered.stream().map(m -> m.getCallId().getCallId()).toList());
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), delivered.get(1).getRawContent());
        assertEquals(0, pongs);
    }

    @Test
    void aDoubleCrlfBetweenMessagesIsAKeepAlivePing() throws IOException {
        StreamFramer framer = new StreamFramer(stream, 64 * 1024);
        framer.add("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        framer.add((OPTIONS + "\r\n\r\n\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(3, pongs);
        assertEquals(1, delivered.size());
    }

    @Test
    void aMessageOverTheSizeLimitEndsTheConnection() {
        StreamFramer framer = new StreamFramer(stream, 4096);
        String big = OPTIONS.replace("l: " + BODY.length(), "Content-Length: 5000");
        assertThrows(IOException.class, () -> framer.add(big.getBytes(StandardCharsets.UTF_8)));
        String longHead = OPTIONS.replace("Max-Forwards: 70", "Subject: " + "x".repeat(3000));
        assertThrows(IOException.class, () -> new StreamFramer(stream, 4096).add(longHead.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, delivered.size());
    }
}
