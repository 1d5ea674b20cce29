package gateway.sip.tcp;

import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.message.SIPMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * Cuts one connection's byte stream into SIP messages as the RI's blocking reader does, pushed a
 * chunk at a time instead of pulling on a thread of its own: header lines up to a blank line
 * (carriage returns dropped), parsed by the stack's parser with the channel as parse listener (so
 * {@code StrictMsgParser} answers a malformed request), then as many body bytes as the parsed
 * Content-Length says. Blank lines between messages are skipped and a double CRLF is a keep-alive
 * ping answered with one CRLF (RFC 5626 4.4.1). The RI's own NIO reader spots Content-Length and
 * Call-ID by prefix only and parses without a listener, which is why it is not used.
 * Confined to the channel's selector thread.
 */
final class StreamFramer {
    /** What the framer needs from its connection. */
    interface Stream {
        /** The header block parsed, null when the parser answered or dropped it itself. */
        SIPMessage parse(byte[] head) throws ParseException;

        /** Hands a whole message to the stack, in the order messages arrived. */
        void deliver(SIPMessage message);

        /** Answers a double-CRLF keep-alive ping. */
        void pong();
    }

    private enum State { BETWEEN, HEADERS, BODY }

    private final Stream stream;
    private final int maxMessageSize;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder head = new StringBuilder();
    private State state = State.BETWEEN;
    private boolean lineStartsWithCr;
    private boolean previousCrlf;
    private int messageBytes;
    private SIPMessage message;
    private byte[] body;
    private int bodyRead;

    StreamFramer(Stream stream, int maxMessageSize) {
        this.stream = stream;
        this.maxMessageSize = maxMessageSize;
    }

    /** Takes the next bytes off the connection; an IOException means the connection must close. */
    void add(byte[] bytes) throws IOException {
        int i = 0;
        while (i < bytes.length) {
            if (state == State.BODY) {
                int n = Math.min(bytes.length - i, body.length - bodyRead);
                System.arraycopy(bytes, i, body, bodyRead, n);
                bodyRead += n;
                i += n;
                if (bodyRead == body.length) {
                    message.setMessageContent(body);
                    complete();
                }
                continue;
            }
            byte b = bytes[i++];
            if (maxMessageSize > 0 && ++messageBytes >= maxMessageSize) {
                throw new IOException("message over " + maxMessageSize + " bytes");
            }
            if (b == '\r') {
                lineStartsWithCr |= line.size() == 0;
            } else {
                line.write(b);
                if (b == '\n') {
                    endOfLine();
                }
            }
        }
    }

    private void endOfLine() throws IOException {
        boolean crlf = lineStartsWithCr && line.size() == 1;
        String text = crlf ? "\r\n" : line.toString(StandardCharsets.UTF_8);
        line.reset();
        lineStartsWithCr = false;
        if (state == State.BETWEEN) {
            between(text, crlf);
            return;
        }
        head.append(text);
        if (maxMessageSize > 0 && head.length() > maxMessageSize / 2) {
            throw new IOException("header block over " + maxMessageSize / 2 + " bytes");
        }
        if (text.trim().isEmpty()) {
            endOfHead();
        }
    }

    private void between(String text, boolean crlf) {
        if (text.equals("\n")) {
            return;
        }
        if (crlf) {
            if (previousCrlf) {
                stream.pong();
            }
            previousCrlf = !previousCrlf;
            messageBytes = 0;
            return;
        }
        previousCrlf = false;
        head.append(text);
        state = State.HEADERS;
    }

    private void endOfHead() throws IOException {
        byte[] bytes = head.toString().getBytes(StandardCharsets.UTF_8);
        head.setLength(0);
        try {
            message = stream.parse(bytes);
        } catch (ParseException e) {
            message = null; // the parser's listener has seen it; like the RI, go on with the next message
        }
        if (message == null) {
            reset();
            return;
        }
        ContentLength length = (ContentLength) message.getContentLength();
        int contentLength = length == null ? 0 : length.getContentLength();
        if (contentLength < 0 || maxMessageSize > 0 && messageBytes + contentLength > maxMessageSize) {
            throw new IOException("Content-Length " + contentLength + " over the message size limit");
        }
        if (contentLength == 0) {
            message.removeContent();
            complete();
        } else {
            body = new byte[contentLength];
            bodyRead = 0;
            state = State.BODY;
        }
    }

    private void complete() {
        SIPMessage done = message;
        reset();
        stream.deliver(done);
    }

    private void reset() {
        message = null;
        body = null;
        messageBytes = 0;
        previousCrlf = false;
        state = State.BETWEEN;
    }
}
