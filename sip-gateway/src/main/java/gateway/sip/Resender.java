package gateway.sip;

import gateway.sip.auth.ClientDigest;
import java.text.ParseException;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Our requests outside a dialog (INVITE, REGISTER) sent again after a final response that asks
 * for it: a 401/407 answered with credentials, a 422 with a longer session interval. One path
 * for both: the same request in a new transaction, CSeq one up, a fresh Via branch.
 */
public final class Resender {
    /** How a request goes out in a new client transaction (counted as sent). */
    @FunctionalInterface
    interface Sender {
        ClientTransaction send(Request request) throws SipException;
    }

    /**
     * The outcome of sending a request again: it went in {@code transaction}, or it did not and
     * {@code failure} says why (fit for a log line, no secret in it).
     */
    public record Resend(ClientTransaction transaction, String failure) {
        static Resend failed(String why) {
            return new Resend(null, why);
        }

        public boolean sent() {
            return transaction != null;
        }
    }

    private final HeaderFactory headers;
    private final Sender sender;

    Resender(HeaderFactory headers, Sender sender) {
        this.headers = headers;
        this.sender = sender;
    }

    /**
     * Answers a 401 or 407 to one of our requests outside a dialog with the credentials
     * {@code digest} computes, through {@link #resend}. Every outbound request a peer challenges
     * comes through here.
     */
    public Resend authenticate(ClientTransaction challenged, Response challenge, ClientDigest digest) {
        Request old = challenged.getRequest();
        ClientDigest.Answer answer = digest.answer(challenge, old.getMethod(), old.getRequestURI().toString());
        if (answer instanceof ClientDigest.Answer.GiveUp g) {
            return Resend.failed(g.why());
        }
        return resend(old, (ClientDigest.Answer.Retry) answer, r -> { });
    }

    /**
     * Sends {@code old} again (after a challenge, or a 422: RFC 4028 section 7.4) in a new
     * transaction: same Call-ID, From tag, Route set, body or none, and headers, CSeq one up, a
     * fresh Via branch; earlier credentials replaced by {@code credentials} (null: none), then
     * changed by {@code change}.
     */
    public Resend resend(Request old, ClientDigest.Answer.Retry credentials, Consumer<Request> change) {
        Request next = (Request) old.clone();
        try {
            ((ViaHeader) next.getHeader(ViaHeader.NAME)).removeParameter("branch");
            next.removeHeader(AuthorizationHeader.NAME);
            next.removeHeader(ProxyAuthorizationHeader.NAME);
            CSeqHeader cseq = (CSeqHeader) next.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            if (credentials != null) {
                next.addHeader(headers.createHeader(credentials.header(), credentials.value()));
            }
            change.accept(next);
            return new Resend(sender.send(next), null);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            return Resend.failed(next.getMethod() + " could not be sent again: " + e);
        }
    }
}
