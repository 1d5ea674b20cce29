package gateway.sip;

import javax.sip.Transaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;

/** The identifiers we read off SIP messages, in one place. */
public final class SipIds {
    private SipIds() {
    }

    /** The Call-ID of {@code message}, or "" when it has none (a malformed message). */
    public static String callId(Message message) {
        CallIdHeader h = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return h == null ? "" : h.getCallId();
    }

    /** The Call-ID of the request of {@code tx}, or "" when there is none. */
    public static String callId(Transaction tx) {
        return tx == null || tx.getRequest() == null ? "" : callId(tx.getRequest());
    }
}
