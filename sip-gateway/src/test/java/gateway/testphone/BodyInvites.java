package gateway.testphone;

import java.text.ParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/** INVITEs with a body other than a plain SDP: multipart (SIP-I's SDP + ISUP), text, anything. */
public final class BodyInvites {
    private BodyInvites() {
    }

    /** INVITE {@code target}@server with {@code body} of {@code contentType} (the header's whole value). */
    public static Outgoing invite(TestPhone phone, String target, String contentType, String body) {
        String callId = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@testphone";
        Request r = phone.newRequest(Request.INVITE, phone.serverUri(target), target, callId, 1, null);
        try {
            r.setContent(body, (ContentTypeHeader) phone.headers().createHeader(ContentTypeHeader.NAME, contentType));
        } catch (ParseException e) {
            throw new IllegalStateException(contentType, e);
        }
        return phone.send(r);
    }
}
