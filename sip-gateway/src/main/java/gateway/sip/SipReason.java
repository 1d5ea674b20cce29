package gateway.sip;

/**
 * A Reason header (RFC 3326) we put on a CANCEL or BYE to say why we end a leg: the SIP status
 * code that best names the cause, and a short text for people and logs. Only the causes in
 * the README's table are sent; every other CANCEL and BYE goes without a Reason.
 *
 * @param cause a SIP status code (RFC 3326 "protocol-cause" with protocol SIP)
 * @param text  the reason text, without quotes
 */
public record SipReason(int cause, String text) {
    /** CANCEL (or BYE) to a phone or agent that lost to another answer: phones show "answered elsewhere". */
    public static final SipReason ANSWERED_ELSEWHERE = new SipReason(200, "Call completed elsewhere");
    /** BYE when a leg of the call sent no RTP for the inactivity timeout. */
    public static final SipReason RTP_TIMEOUT = new SipReason(408, "RTP timeout");
    /** BYE to both sides when a dialog's session refresh (RFC 4028) did not come or did not succeed in time. */
    public static final SipReason SESSION_EXPIRED = new SipReason(408, "Session timer expired");
    /** BYE when an administrator hangs the call up. */
    public static final SipReason ADMIN_HANG_UP = new SipReason(200, "Hung up by an administrator");
    /** BYE to every call when the server stops. */
    public static final SipReason SHUTDOWN = new SipReason(503, "Server shutting down");

    public SipReason {
        if (cause < 100 || cause > 699) {
            throw new IllegalArgumentException("not a SIP status code: " + cause);
        }
        if (text == null || text.indexOf('"') >= 0 || text.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("reason text must be plain: " + text);
        }
    }

    /** The header value, as in {@code SIP;cause=200;text="Call completed elsewhere"}. */
    public String value() {
        return "SIP;cause=" + cause + ";text=\"" + text + "\"";
    }
}
