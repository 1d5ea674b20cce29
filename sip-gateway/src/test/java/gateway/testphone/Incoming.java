package gateway.testphone;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A request that reached the phone; INVITEs wait for the test to answer them. */
public final class Incoming extends DialogLeg {
    private final Request request;
    private final ServerTransaction transaction;
    private final String toTag = TestPhone.newTag();
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

    /** 200 OK with {@code sdp}, Contact and a To tag: the call is answered. */
    public Response answer(String sdp) {
        return respond(Response.OK, sdp);
    }

    /** A response with {@code status} and, when given, an SDP body. */
    public Response respond(int status, String sdp) {
        try {
            Response r = phone.messages().createResponse(status, request);
            tag(r, toTag);
            if (status / 100 == 2 || (status > 100 && status < 200)) {
                r.addHeader(phone.contactHeader());
            }
            if (sdp != null) {
                r.setContent(sdp, phone.sdpType());
            }
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
