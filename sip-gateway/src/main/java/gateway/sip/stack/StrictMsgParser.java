package gateway.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Jain-SIP's parser, stricter where RFC 4475 says a message must be rejected and the stack lets
 * it through, and answering what the stack would drop or answer only over UDP.
 * <ul>
 * <li>A message read off the network whose request line, Via, From, To, Call-ID, CSeq or
 * Content-Length does not parse, is missing or comes twice ({@link MessageFaults}) is answered
 * here, over UDP and TCP alike ({@link MalformedAnswer}); the stack never sees it. Over TCP the
 * stack would close the connection unanswered; {@code gateway.sip.tcp} frames TCP streams so that
 * every message comes here with its channel.</li>
 * <li>A message that parses but breaks the grammar is marked through its application data and
 * {@code SipRequestRouter} answers it 400 ({@link #violation}): whitespace inside the angle
 * brackets of a name-addr ({@code To: < sip:a@b >}, RFC 4475 3.1.2.14 "badaspec"), or an
 * unquoted comma in a From or To display name (3.1.2.15 "baddn").</li>
 * </ul>
 */
public final class StrictMsgParser extends StringMsgParser {
    /** Headers whose value is a name-addr (or a list of them). */
    private static final Set<String> ADDRESS_HEADERS = Set.of("to", "t", "from", "f", "contact", "m", "route",
            "record-route", "reply-to", "refer-to", "r", "referred-by", "b", "p-asserted-identity");
    /** Single name-addr headers, where a comma can only be quoted or inside {@code <>}. */
    private static final Set<String> SINGLE_ADDRESS_HEADERS = Set.of("to", "t", "from", "f");
    /** First letters of {@link #SINGLE_ADDRESS_HEADERS}: other lines with a comma (Via, Allow) cost no more. */
    private static final String ADDRESS_INITIALS = "tf";
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SPACE_IN_BRACKETS = Pattern.compile("<\\s|\\s>");

    /** What a marked message broke, as its application data. */
    public record Violation(String reasonPhrase) {
    }

    /** The stack's factory (named in {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}): one shared parser. */
    public static final class Factory implements MessageParserFactory {
        private static final StrictMsgParser PARSER = new StrictMsgParser();

        @Override
        public MessageParser createMessageParser(SIPTransactionStack stack) {
            return PARSER;
        }
    }

    /** What {@code message} broke, or null when it is clean. */
    public static Violation violation(Object message) {
        return message instanceof SIPMessage m && m.getApplicationData() instanceof Violation v ? v : null;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] raw, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        if (!(listener instanceof MessageChannel channel)) {
            return super.parseSIPMessage(raw, readBody, strict, listener); // not off the network
        }
        MessageFaults faults = new MessageFaults();
        SIPMessage message = super.parseSIPMessage(raw, readBody, strict, faults);
        if (message != null && faults.fault() == null) {
            checkEssentials(message, faults);
        }
        if (message instanceof SIPRequest && faults.fault() == null && MalformedAnswer.otherVersion(raw)) {
            faults.fault("Version Not Supported", false); // the stack reads any version as 2.0
        }
        if (faults.fault() != null) {
            return MalformedAnswer.reject(channel, raw, message, faults);
        }
        return message;
    }

    /** Faults that leave every header parsed: one the stack needs is absent, or the request cannot be served. */
    private static void checkEssentials(SIPMessage m, MessageFaults faults) {
        StringJoiner absent = new StringJoiner(", ");
        if (m.getTopmostVia() == null) {
            absent.add("Via");
        }
        if (m.getFrom() == null) {
            absent.add("From");
        }
        if (m.getTo() == null) {
            absent.add("To");
        }
        if (m.getCallId() == null) {
            absent.add("Call-ID");
        }
        if (m.getCSeq() == null) {
            absent.add("CSeq");
        }
        if (absent.length() > 0) {
            faults.fault("Missing " + absent, false);
        } else if (m instanceof SIPRequest r && !r.getMethod().equalsIgnoreCase(r.getCSeq().getMethod())) {
            faults.fault("CSeq method does not match the request", false);
        }
    }

    @Override
    protected void processHeader(String header, SIPMessage message, ParseExceptionListener handler, byte[] raw)
            throws ParseException {
        super.processHeader(header, message, handler, raw);
        if (handler instanceof MessageFaults faults && header != null) {
            faults.header(header);
        }
        // on the stack's thread for every header line: only a request can be answered 400, and
        // most lines are ruled out by a scan without allocation
        if (!(message instanceof SIPRequest) || header == null || message.getApplicationData() != null) {
            return;
        }
        String violation = violation(header);
        if (violation != null) {
            message.setApplicationData(new Violation(violation));
        }
    }

    /** What {@code line} breaks, or null. */
    static String violation(String line) {
        boolean space = spaceNextToBracket(line);
        boolean comma = !space && line.indexOf(',') >= 0 && ADDRESS_INITIALS.indexOf(lower(line.charAt(0))) >= 0;
        int colon = line.indexOf(':');
        if ((!space && !comma) || colon < 0) {
            return null;
        }
        String name = line.substring(0, colon).trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!ADDRESS_HEADERS.contains(lower)) {
            return null;
        }
        String value = QUOTED.matcher(line.substring(colon + 1)).replaceAll("\"\"");
        if (space && SPACE_IN_BRACKETS.matcher(value).find()) {
            return "Whitespace inside <> in " + name;
        }
        int unquoted = value.indexOf(',');
        if (comma && SINGLE_ADDRESS_HEADERS.contains(lower) && unquoted >= 0 && value.indexOf('<') > unquoted) {
            return "Unquoted comma in the display name of " + name;
        }
        return null;
    }

    /**
     * Whether {@code line} has {@code <} followed by, or {@code >} preceded by, whitespace anywhere:
     * a necessary condition for {@link #SPACE_IN_BRACKETS} to match once quoted strings are blanked.
     */
    static boolean spaceNextToBracket(String line) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            char before = line.charAt(i - 1);
            if ((before == '<' && isSpace(c)) || (c == '>' && isSpace(before))) {
                return true;
            }
        }
        return false;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code \s} of {@link Pattern}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
