package gateway.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
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
        int colon = header == null ? -1 : header.indexOf(':');
        if (colon < 0 || message.getApplicationData() != null) {
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
}
