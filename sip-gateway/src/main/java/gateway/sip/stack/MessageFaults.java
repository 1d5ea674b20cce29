package gateway.sip.stack;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with one message as {@link StrictMsgParser} reads it off the network: the first
 * header the stack needs to route or answer it that does not parse (the request or status line,
 * Via, From, To, Call-ID, CSeq, Content-Length) or comes twice, and whether the message can still
 * be framed (its Content-Length is known). Takes the parse errors the stack would hand its
 * transport channel, so no channel gets to close a connection or throw before we answered; any
 * other bad header is kept unparsed, as the stack does.
 */
final class MessageFaults implements ParseExceptionListener {
    private static final Set<Class<?>> ESSENTIAL = Set.of(RequestLine.class, StatusLine.class, Via.class, From.class,
            To.class, CallID.class, CSeq.class, ContentLength.class);
    /** Headers a message carries once, by every name they go by, to their full name. */
    private static final Map<String, String> SINGLE = Map.ofEntries(Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"), Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("cseq", "CSeq"), Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"),
            Map.entry("max-forwards", "Max-Forwards"));

    private static final String SINGLE_INITIALS = "ftcilm";

    private final Set<String> seen = new HashSet<>();
    private String fault;
    private boolean framed = true;

    @Override
    public void handleException(ParseException ex, SIPMessage message, Class headerClass, String header, String raw) {
        if (headerClass != null && ESSENTIAL.contains(headerClass)) {
            String name = headerClass == RequestLine.class ? "request line"
                    : headerClass == StatusLine.class ? "status line" : nameOf(header);
            fault("Bad " + name, headerClass == ContentLength.class);
        } else if (message != null && header != null) {
            message.addUnparsed(header);
        }
    }

    /** Called for every header line: a second copy of a single-valued header is a fault. */
    void header(String line) {
        if (line.isEmpty() || SINGLE_INITIALS.indexOf(StrictMsgParser.lower(line.charAt(0))) < 0) {
            return; // most lines, without allocating
        }
        String name = nameOf(line).toLowerCase(Locale.ROOT);
        String single = SINGLE.get(name);
        if (single != null && !seen.add(single)) {
            fault("Duplicate " + single, single.equals("Content-Length"));
        }
    }

    /** Records {@code what} unless an earlier fault was; {@code unframed}: the message's length is now unknown. */
    void fault(String what, boolean unframed) {
        if (fault == null) {
            fault = what;
        }
        framed &= !unframed;
    }

    /** The first fault, or null when the message is sound. */
    String fault() {
        return fault;
    }

    /** Whether the message's end is known, so that a stream can go on after it. */
    boolean framed() {
        return framed;
    }

    private static String nameOf(String line) {
        int colon = line == null ? -1 : line.indexOf(':');
        return colon < 0 ? "header" : line.substring(0, colon).trim();
    }
}
