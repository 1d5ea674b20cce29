package gateway.sip.stack;

import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our answer to a request the stack cannot route because a header it needs is broken, missing or
 * doubled, sent on the channel the request came in by, UDP or TCP alike: 400 naming the fault
 * (505 for a SIP version other than 2.0), built from the request's own Via, From, To, Call-ID and
 * CSeq lines as they came, since one of them may be what does not parse. Responses and ACKs get
 * no answer: SIP answers neither. Then the message is dropped: over TCP the parser must
 * still hand the stack something that frames the body, so that the next message on the
 * connection is read from its start; when the length is not known either, the connection closes
 * after the answer (RFC 3261 18.3).
 */
final class MalformedAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedAnswer.class);
    private static final Pattern COPIED = Pattern.compile("(?i)^(via|v|from|f|to|t|call-id|i|cseq)[ \\t]*:");
    private static final Pattern VIA = Pattern.compile("(?i)^(via|v)[ \\t]*:");
    private static final Pattern TO = Pattern.compile("(?i)^(to|t)[ \\t]*:");
    /** The port of the first Via's sent-by, read leniently: the Via may be what did not parse. */
    private static final Pattern SENT_BY_PORT = Pattern.compile(
            "(?im)^(?:via|v)[ \\t]*:[ \\t]*SIP[ \\t]*/[^/]*/[ \\t]*\\S+[ \\t]+[^:;,\\s]+:(\\d{1,5})");
    private static final int DEFAULT_PORT = 5060;
    private static final Pattern VERSION = Pattern.compile("\\sSIP/(\\S+)$");

    private MalformedAnswer() {
    }

    /**
     * Answers the request in {@code raw} with {@code fault} if it deserves an answer, and returns
     * what the parser gives the stack instead of the message: nothing on a datagram, a body-framing
     * stand-in the stack drops on a stream whose framing is intact, nothing on a stream it closed.
     */
    static SIPMessage reject(MessageChannel channel, byte[] raw, SIPMessage parsed, MessageFaults faults) {
        String head = head(raw);
        String firstLine = head.lines().findFirst().orElse("");
        String answer = firstLine.startsWith("SIP/") || firstLine.regionMatches(true, 0, "ACK ", 0, 4)
                ? null : answer(head, firstLine, faults.fault());
        if (answer != null) {
            send(channel, answer, head, faults.fault());
        }
        if (!(channel instanceof ConnectionOrientedMessageChannel stream)) {
            return null;
        }
        if (!faults.framed()) {
            LOG.debug("closing the connection from {}: {}", channel.getPeerAddress(), faults.fault());
            stream.close();
            return null;
        }
        SIPRequest standIn = new SIPRequest(); // no From, To or Call-ID: the stack drops it once the body is read
        standIn.setContentLength(parsed != null && parsed.getContentLength() != null
                ? parsed.getContentLength() : new ContentLength(0));
        return standIn;
    }

    private static String head(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return (end < 0 ? text : text.substring(0, end)).stripLeading();
    }

    /** Whether the request line in {@code raw} names a SIP version other than 2.0. */
    static boolean otherVersion(byte[] raw) {
        int start = 0;
        while (start < raw.length && raw[start] <= ' ') {
            start++;
        }
        int end = start;
        while (end < raw.length && raw[end] != '\r' && raw[end] != '\n') {
            end++;
        }
        return otherVersion(new String(raw, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static boolean otherVersion(String firstLine) {
        Matcher version = VERSION.matcher(firstLine.strip());
        return version.find() && !"2.0".equals(version.group(1));
    }

    /**
     * The response text: 505 for another SIP version, else 400 with the fault as its reason; null
     * without a Via line, which leaves nowhere to address it.
     */
    static String answer(String head, String firstLine, String fault) {
        StringBuilder b = new StringBuilder("SIP/2.0 ")
                .append(otherVersion(firstLine) ? "505 Version Not Supported" : "400 " + printable(fault)).append("\r\n");
        boolean copying = false;
        boolean via = false;
        for (String line : head.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (copying) {
                    b.append(line).append("\r\n"); // a folded continuation of a copied header
                }
                continue;
            }
            copying = COPIED.matcher(line).find();
            via |= copying && VIA.matcher(line).find();
            if (copying) {
                b.append(line);
                if (TO.matcher(line).find() && !line.toLowerCase(Locale.ROOT).contains(";tag=")) {
                    b.append(";tag=").append(Long.toHexString(ThreadLocalRandom.current().nextLong()));
                }
                b.append("\r\n");
            }
        }
        return via ? b.append("Content-Length: 0\r\n\r\n").toString() : null;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /**
     * Over TCP on the connection the request came by; over UDP to its source address and the Via's
     * sent-by port (RFC 3261 18.2.2), the stack not having read the datagram's source port yet.
     */
    private static void send(MessageChannel channel, String text, String head, String fault) {
        LOG.debug("answering a malformed request from {}: {}", channel.getPeerAddress(), fault);
        try {
            if (channel instanceof ConnectionOrientedMessageChannel stream) {
                Connections.write(stream, text.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                channel.sendMessage(new Verbatim(text), InetAddress.getByName(channel.getPeerAddress()), sentByPort(head));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer a malformed request from {}: {}", channel.getPeerAddress(), e.toString());
        }
    }

    private static int sentByPort(String head) {
        Matcher m = SENT_BY_PORT.matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_PORT;
    }

    /**
     * A response whose wire form is given text: a channel sends only what a message encodes to,
     * and ours may carry header lines the stack cannot parse.
     */
    private static final class Verbatim extends SIPResponse {
        private final String text;

        Verbatim(String text) {
            this.text = text;
        }

        @Override
        public byte[] encodeAsBytes(String transport) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String encode() {
            return text;
        }

        /** The channel asks before sending; ours may have no From or Call-ID to make one of. */
        @Override
        public String getTransactionId() {
            return "malformed";
        }
    }
}
