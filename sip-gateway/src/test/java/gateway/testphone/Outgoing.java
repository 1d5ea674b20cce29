package gateway.testphone;

import java.time.Duration;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A request the phone sent, with its responses; an INVITE also offers ACK, CANCEL, BYE and INFO. */
public final class Outgoing extends DialogLeg {
    private static final int MAX_AUTH_ROUNDS = 2;

    private ClientTransaction transaction;
    private Response lastFinal;

    Outgoing(TestPhone phone, ClientTransaction transaction) {
        super(phone);
        this.transaction = transaction;
    }

    public Request request() {
        return transaction.getRequest();
    }

    public ClientTransaction transaction() {
        return transaction;
    }

    @Override
    public Dialog dialog() {
        return transaction.getDialog();
    }

    public String callId() {
        return ((javax.sip.header.CallIdHeader) request().getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    /** The next response with {@code status} (provisional or final). */
    public Response awaitResponse(int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = phone.takeResponse(transaction, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), false)
                    .getResponse();
            if (r.getStatusCode() == status) {
                if (status >= 200) {
                    lastFinal = r;
                }
                return r;
            }
        }
    }

    public Response awaitResponse(int status) {
        return awaitResponse(status, TestPhone.WAIT);
    }

    /**
     * The final response; a 401 is answered with credentials (when the phone has a password) and
     * the wait goes on with the new transaction, at most twice.
     */
    public Response awaitFinal(Duration timeout) {
        for (int round = 0; ; round++) {
            Response r = phone.takeResponse(transaction, timeout, true).getResponse();
            if (r.getStatusCode() != Response.UNAUTHORIZED || round >= MAX_AUTH_ROUNDS || !phone.digest().canAnswer()
                    || phone.acceptChallenge(r).isEmpty()) {
                lastFinal = r;
                return r;
            }
            transaction = phone.send(resend(transaction.getRequest())).transaction;
        }
    }

    public Response awaitFinal() {
        return awaitFinal(TestPhone.WAIT);
    }

    /** The request again as a new transaction: CSeq + 1, new branch, no old credentials. */
    private Request resend(Request old) {
        Request r = (Request) old.clone();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        try {
            cseq.setSeqNumber(phone.nextCseq(old));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        ((ViaHeader) r.getHeader(ViaHeader.NAME)).removeParameter("branch");
        r.removeHeader(AuthorizationHeader.NAME);
        return r;
    }

    /** ACK for the 2xx this INVITE got. */
    public void ack() {
        ack(null);
    }

    /** ACK for the 2xx this INVITE got, carrying {@code sdp} (the answer to a delayed offer) unless null. */
    public void ack(String sdp) {
        if (lastFinal == null || lastFinal.getStatusCode() / 100 != 2) {
            throw new IllegalStateException("ACK needs a 2xx first; got " + lastFinal);
        }
        try {
            Dialog d = transaction.getDialog();
            long cseq = ((CSeqHeader) lastFinal.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = d.createAck(cseq);
            if (sdp != null) {
                ack.setContent(sdp, phone.sdpType());
            }
            d.sendAck(ack);
        } catch (SipException | InvalidArgumentException | java.text.ParseException e) {
            throw new IllegalStateException("cannot ACK", e);
        }
    }

    /** CANCEL this (pending) request. */
    public Outgoing cancel() {
        try {
            ClientTransaction ct = phone.provider().getNewClientTransaction(transaction.createCancel());
            ct.sendRequest();
            return new Outgoing(phone, ct);
        } catch (SipException e) {
            throw new IllegalStateException("cannot CANCEL", e);
        }
    }

}
