package gateway.sip;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

/**
 * A new INVITE that passed admission, with its server transaction, ready for the call logic.
 *
 * @param offer its body, read once at admission: the SDP (plain or from a multipart), or none (a delayed offer)
 */
public record AdmittedInvite(ServerTransaction transaction, Request request, OfferBody offer, RequestSource source,
                             Caller caller) {

    /** The Request-URI user: the dialed number that selects the entry point; empty when there is none. */
    public String dialed() {
        return request.getRequestURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
    }
}
