package gateway.testphone;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A request that reached the phone; INVITEs wait for the test to answer them. A request gets one
 * final response: the test's, or for an INVITE the 487 the phone sends itself when a CANCEL
 * comes first. Whichever is first wins; the other is not sent.
 */
public final class Incoming extends DialogLeg {
    private final Request request;
    private final ServerTransaction transaction;
    private final String toTag = TestPhone.newTag();
    /** The final response's status, 0 while there is none. */
    private final AtomicInteger finalStatus = new AtomicInteger();
    private volatile boolean cancelled;
    private Dialog dialog;

    Incoming(TestPhone phone, Request request, ServerTransaction transaction, Dialog dialog) {
        super(phone);
        this.request = request;
        this.transaction = transaction;
        this.dialog = dialog;
    }

    public String method() {
        return request.getMethod();
    }

    public Request request() {
        return request;
    }

    public ServerTransaction transaction() {
        return transaction;
    }

    @Override
    public Dialog dialog() {
        return dialog != null ? dialog : transaction == null ? null : transaction.getDialog();
    }

    /** The body as text, empty when there is none. */
    public String body() {
        byte[] raw = request.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    public Response respond(int status) {
        return respond(status, null);
    }

    /** 180 Ringing. */
    public Response ringing() {
        return respond(Response.RINGING);
    }

    /**
     * 200 OK with {@code sdp}, Contact and a To tag: the call is answered; null when a CANCEL came
     * first and the phone already ended the INVITE with 487 (see {@link #cancelled()}).
     */
    public Response answer(String sdp) {
        return respond(Response.OK, sdp);
    }

    /**
     * Whether a CANCEL reached the phone before the test answered: the phone then sent 487 and
     * stopped ringing, so an answer after that is not sent (a phone cannot pick up a call that
     * has stopped ringing, and a second final response would break the transaction).
     */
    public boolean cancelled() {
        return cancelled;
    }

    /** The final response's status so far: 0 while there is none. */
    public int finalStatus() {
        return finalStatus.get();
    }

    /** A CANCEL for this INVITE came: 487, unless the test already gave the final response. */
    void cancel() {
        if (finalStatus.compareAndSet(0, Response.REQUEST_TERMINATED)) {
            cancelled = true;
            try {
                send(Response.REQUEST_TERMINATED, null, new String[0]);
            } catch (IllegalStateException e) {
                // runs on the stack's thread: a 487 the stack refuses is not worth killing it for
            }
        }
    }

    /**
     * A response with {@code status} and, when given, an SDP body; null for a final response
     * when the request already has one (the phone's own 487 after a CANCEL).
     */
    public Response respond(int status, String sdp) {
        return respond(status, sdp, new String[0]);
    }

    /** {@link #respond(int, String)} with more headers, each written {@code "Name: value"}. */
    public Response respond(int status, String sdp, String... headers) {
        if (status >= 200 && !finalStatus.compareAndSet(0, status)) {
            return null;
        }
        return send(status, sdp, headers);
    }

    /** The value of header {@code name} in the request, or null. */
    public String header(String name) {
        javax.sip.header.Header h = request.getHeader(name);
        return h == null ? null : h.toString().substring(h.toString().indexOf(':') + 1).trim();
    }

    private Response send(int status, String sdp, String... headers) {
        try {
            Response r = phone.messages().createResponse(status, request);
            tag(r, toTag);
            if (status / 100 == 2 || (status > 100 && status < 200)) {
                r.addHeader(phone.contactHeader());
            }
            if (sdp != null) {
                r.setContent(sdp, phone.sdpType());
            }
            phone.addHeaders(r, headers);
            transaction.sendResponse(r);
            if (dialog == null) {
                dialog = transaction.getDialog();
            }
            return r;
        } catch (ParseException | SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }


    static void tag(Response r, String tag) throws ParseException {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (r.getStatusCode() > 100 && to.getTag() == null) {
            to.setTag(tag != null ? tag : TestPhone.newTag());
        }
    }
}
