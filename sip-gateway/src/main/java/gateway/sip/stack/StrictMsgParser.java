package gateway.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jain-SIP's parser, stricter where RFC 4475 says a message must be rejected and the stack lets
 * it through. Today that is whitespace inside the angle brackets of a name-addr ({@code To: <
 * sip:a@b >}, RFC 4475 3.1.2.14 "badaspec"): RFC 3261's grammar allows none there. The message
 * still parses, so it can be answered over UDP and TCP alike; it is marked through its
 * application data and {@code SipRequestRouter} answers it 400 ({@link #violation}).
 */
public final class StrictMsgParser extends StringMsgParser {
    /** Headers whose value is a name-addr (or a list of them). */
    private static final Set<String> ADDRESS_HEADERS = Set.of("to", "t", "from", "f", "contact", "m", "route",
            "record-route", "reply-to", "refer-to", "r", "referred-by", "b", "p-asserted-identity");
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
    protected void processHeader(String header, SIPMessage message, ParseExceptionListener handler, byte[] raw)
            throws ParseException {
        super.processHeader(header, message, handler, raw);
        // on the stack's thread for every header line: only a request can be answered 400, and a
        // line without whitespace next to an angle bracket cannot break the rule, so most lines
        // cost one scan and no allocation
        if (!(message instanceof SIPRequest) || header == null || !spaceNextToBracket(header)
                || message.getApplicationData() != null) {
            return;
        }
        int colon = header.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (ADDRESS_HEADERS.contains(name)) {
            String value = QUOTED.matcher(header.substring(colon + 1)).replaceAll("\"\"");
            if (SPACE_IN_BRACKETS.matcher(value).find()) {
                message.setApplicationData(new Violation("Whitespace inside <> in " + header.substring(0, colon).trim()));
            }
        }
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

    /** {@code \s} of {@link Pattern}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
