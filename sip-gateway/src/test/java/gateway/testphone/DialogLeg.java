package gateway.testphone;

import javax.sip.Dialog;
import javax.sip.message.Request;

/** What either end of a call can do inside its dialog: hang up, send INFO, re-INVITE, UPDATE. */
abstract class DialogLeg {
    final TestPhone phone;

    DialogLeg(TestPhone phone) {
        this.phone = phone;
    }

    public abstract Dialog dialog();

    public Outgoing bye() {
        return phone.inDialog(dialog(), Request.BYE, null, null);
    }

    public Outgoing info(String contentType, String body) {
        return phone.inDialog(dialog(), Request.INFO, contentType, body);
    }

    /** A re-INVITE with {@code sdp}, say with a=sendonly to put the other side on hold. */
    public Outgoing reInvite(String sdp) {
        return phone.inDialog(dialog(), Request.INVITE, "application/sdp", sdp);
    }

    /** A re-INVITE without SDP: the other side offers in its 200, the ACK answers. */
    public Outgoing reInviteWithoutOffer() {
        return phone.inDialog(dialog(), Request.INVITE, null, null);
    }

    /** A re-INVITE with {@code sdp} and more headers ({@code "Name: value"}). */
    public Outgoing reInvite(String sdp, String... headers) {
        return phone.inDialog(dialog(), Request.INVITE, "application/sdp", sdp, headers);
    }

    /** An UPDATE (RFC 3311) with {@code sdp} (null: none, a session refresh) and more headers ({@code "Name: value"}). */
    public Outgoing update(String sdp, String... headers) {
        return phone.inDialog(dialog(), Request.UPDATE, "application/sdp", sdp, headers);
    }
}
