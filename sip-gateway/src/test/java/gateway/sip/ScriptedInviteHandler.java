package gateway.sip;

import gateway.sip.stack.SipStackHost;
import java.text.ParseException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Stands in for the B2BUA: the dialed number says what to do. "busy" gets 486, "answer" gets
 * 200 with SDP, anything else 180 and then nothing (a ringing call, for CANCEL and overload).
 * In-dialog BYE and INFO are answered 200. Records what it saw.
 */
final class ScriptedInviteHandler implements InviteHandler {
    static final String SDP = "v=0\r\no=gw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    final LinkedBlockingQueue<AdmittedInvite> admitted = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<ServerTransaction> cancelled = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<String> inDialog = new LinkedBlockingQueue<>();
    private final java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile SipStackHost host;
    /** When set, every INVITE gets 486 whatever was dialed. */
    volatile boolean alwaysBusy;

    @Override
    public void onInvite(AdmittedInvite invite) {
        admitted.add(invite);
        switch (alwaysBusy ? "busy" : invite.dialed()) {
            case "busy" -> respond(invite.transaction(), Response.BUSY_HERE, false);
            case "answer" -> {
                answered.add(SipIds.callId(invite.request()));
                respond(invite.transaction(), Response.OK, true);
            }
            default -> respond(invite.transaction(), Response.RINGING, false);
        }
    }

    @Override
    public void onCancelled(ServerTransaction invite) {
        cancelled.add(invite);
    }

    @Override
    public boolean onInDialogRequest(RequestEvent event, ServerTransaction transaction) {
        String method = event.getRequest().getMethod();
        if (!answered.contains(SipIds.callId(event.getRequest()))) {
            return false;
        }
        inDialog.add(method);
        if (transaction != null && !Request.ACK.equals(method)) {
            respond(transaction, Response.OK, false);
        }
        return true;
    }

    AdmittedInvite awaitAdmitted() throws InterruptedException {
        AdmittedInvite invite = admitted.poll(10, TimeUnit.SECONDS);
        if (invite == null) {
            throw new AssertionError("no INVITE reached the handler within 10 s");
        }
        return invite;
    }

    String awaitInDialog() throws InterruptedException {
        String method = inDialog.poll(10, TimeUnit.SECONDS);
        if (method == null) {
            throw new AssertionError("no in-dialog request reached the handler within 10 s");
        }
        return method;
    }

    private void respond(ServerTransaction st, int status, boolean withSdp) {
        try {
            Response r = host.messageFactory().createResponse(status, st.getRequest());
            javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) r.getHeader(javax.sip.header.ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag("gw" + Long.toHexString(System.nanoTime()));
            }
            if (withSdp) {
                r.addHeader(host.headerFactory().createContactHeader(host.addressFactory().createAddress(
                        "sip:gw@127.0.0.1:" + host.port())));
                r.setContent(SDP, host.headerFactory().createContentTypeHeader("application", "sdp"));
            }
            st.sendResponse(r);
        } catch (SipException e) {
            // the caller went away (a fuzz connection closed at once): nothing to answer
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
