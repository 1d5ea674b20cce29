package gateway.leg;

import gateway.dialog.SessionTimer;
import gateway.dialog.SessionTimerRules;
import gateway.sdp.SdpException;
import gateway.sip.OfferBody;
import gateway.sip.SipReason;
import ivr.time.Scheduler;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens inside one leg's dialog after its INVITE, the same for the caller's leg and
 * outgoing legs: new offers by re-INVITE or UPDATE (RFC 3311) answered from the leg's media, an
 * offer of ours in a 2xx answered by the ACK, and the session timer (RFC 4028) with the
 * refreshes we send when we are the refresher. Runs on the call's loop.
 */
public final class LegDialog implements SessionTimer.Upkeep {
    private static final Logger log = LoggerFactory.getLogger(LegDialog.class);

    /** The offer/answer exchange in flight on the dialog, if any. */
    public enum Offer {
        /** None: a new offer may come or go. */
        NONE,
        /** Our offer went in a 2xx (a delayed offer, an offerless re-INVITE); the ACK must answer it. */
        OURS_IN_2XX,
        /** Our refresh re-INVITE carries our last SDP; its 2xx answers. */
        OURS_IN_REINVITE
    }

    /** What the dialog tells its leg. */
    public interface Listener {
        /** The ACK answered the offer of our 2xx, and the media is set. */
        void answered();

        /** The dialog cannot go on: end the call, with {@code reason} on the BYEs when set. */
        void lost(String why, SipReason reason);
    }

    private final LegServices services;
    private final String name;
    private final Listener listener;
    private final SessionTimer timer;
    private Offer offer = Offer.NONE;
    private Dialog dialog;
    private MediaLeg media;
    private boolean peerAllowsUpdate;
    private ClientTransaction refresh;
    /** The CSeq of our last refresh re-INVITE's 2xx: a retransmission of it gets our ACK again. */
    private long ackedCseq = -1;
    /** What our refreshes ask for: the interval agreed, or a 422's Min-SE. */
    private int askSeconds;
    private boolean retried422;

    /** @param name the leg, for the log */
    public LegDialog(LegServices services, Scheduler scheduler, String name, Listener listener) {
        this.services = services;
        this.name = name;
        this.listener = listener;
        this.timer = new SessionTimer(scheduler, this, name);
    }

    public Offer offer() {
        return offer;
    }

    public SessionTimer.State timer() {
        return timer.state();
    }

    /**
     * The dialog is up (our 2xx sent, or the far end's 2xx ACKed) with {@code grant} (null: no
     * session timer); {@code peerAllowsUpdate} from its INVITE or 2xx picks how we refresh.
     */
    public void confirmed(Dialog confirmed, MediaLeg leg, SessionTimerRules.Grant grant, boolean peerAllowsUpdate) {
        this.dialog = confirmed;
        this.media = leg;
        this.peerAllowsUpdate = peerAllowsUpdate;
        timer.refreshed(grant);
    }

    /** Our 2xx carried our offer: the ACK is to answer it. */
    public void awaitAnswer() {
        offer = Offer.OURS_IN_2XX;
    }

    /**
     * A re-INVITE or an UPDATE: a session refresh, with an offer we answer in the 2xx, or none
     * (a re-INVITE then gets our offer, answered in the ACK; an UPDATE just refreshes). While
     * the dialog is early, an UPDATE without SDP gets 200 and one with an offer 491: the
     * INVITE's own offer is still unanswered.
     */
    public void onRequest(ServerTransaction st, Request request) {
        boolean update = Request.UPDATE.equals(request.getMethod());
        OfferBody body = OfferBody.of(request);
        if (media == null) {
            boolean refresh = update && body.kind() == OfferBody.Kind.NONE;
            services.sip().reply(st, request, refresh ? Response.OK : Response.REQUEST_PENDING);
            return;
        }
        SessionTimerRules.Grant grant = services.timers().grant(request);
        if (grant == null && services.timers().refusedTooShort(services.sip(), st, request, name)) {
            return; // only a request below our Min-SE earns no grant
        }
        byte[] sdp = null;
        if (body.kind() == OfferBody.Kind.UNUSABLE) {
            services.sip().reply(st, request, Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (body.kind() == OfferBody.Kind.SDP || !update) {
            if (offer != Offer.NONE) {
                services.sip().reply(st, request, Response.REQUEST_PENDING);
                return;
            }
            try {
                sdp = body.kind() == OfferBody.Kind.SDP ? media.answer(body.sdp()) : media.offer();
            } catch (SdpException e) {
                log.info("{}: {} with unusable SDP: {}", name, request.getMethod(), e.getMessage());
                services.sip().reply(st, request, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
            if (body.kind() == OfferBody.Kind.NONE) {
                offer = Offer.OURS_IN_2XX;
            }
        }
        services.sip().answer(st, request, Response.OK, null, sdp, ok -> services.timers().answer(ok, request, grant));
        timer.refreshed(grant);
    }

    /** The ACK to our 2xx: when that 2xx carried our offer, the answer is taken from it. */
    public void onAck(Request ack) {
        if (offer != Offer.OURS_IN_2XX) {
            return;
        }
        offer = Offer.NONE;
        OfferBody body = OfferBody.of(ack);
        String why = null;
        if (body.kind() != OfferBody.Kind.SDP) {
            why = "the ACK carries no SDP answer to our offer (" + body.why() + ")";
        } else {
            try {
                media.accept(body.sdp());
            } catch (SdpException e) {
                why = "unusable SDP answer in the ACK: " + e.getMessage();
            }
        }
        if (why == null) {
            listener.answered();
        } else {
            listener.lost(why, null);
        }
    }

    /**
     * Time for our session refresh: an UPDATE without SDP when the peer allows UPDATE, else a
     * re-INVITE repeating our last SDP unchanged. Skipped while an exchange is in flight (its
     * 2xx refreshes too; if none comes the expiry ends the call).
     */
    @Override
    public void refresh() {
        if (dialog == null || refresh != null || offer != Offer.NONE) {
            return;
        }
        boolean update = peerAllowsUpdate;
        int seconds = Math.max(askSeconds, timer.seconds());
        refresh = services.sip().request(dialog, update ? Request.UPDATE : Request.INVITE, update ? null : media.lastSdp(),
                r -> services.timers().request(r, seconds, askSeconds, true));
        if (refresh == null) {
            lost("our session refresh could not be sent");
        } else if (!update) {
            offer = Offer.OURS_IN_REINVITE;
        }
    }

    /** A response to a request we sent in the dialog; only our refresh's matter. */
    public void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        boolean invite = Request.INVITE.equals(cseq.getMethod());
        if (invite && status / 100 == 2 && cseq.getSeqNumber() == ackedCseq) {
            services.sip().ack(dialog, r); // our ACK was lost: the 2xx comes again
            return;
        }
        if (event.getClientTransaction() == null || event.getClientTransaction() != refresh || status < 200) {
            return;
        }
        refresh = null;
        if (invite) {
            offer = Offer.NONE;
        }
        if (status < 300) {
            refreshed(r, invite);
        } else if (status == SessionTimerRules.INTERVAL_TOO_SMALL && !retried422) {
            retried422 = true;
            askSeconds = SessionTimerRules.minSe(r);
            refresh();
        } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            lost("our session refresh got " + status);
        } else {
            if (status == Response.NOT_IMPLEMENTED && !invite) {
                peerAllowsUpdate = false;
            }
            log.info("{}: our session refresh got {}; trying again before the session expires", name, status);
            timer.refreshFailed();
        }
    }

    private void refreshed(Response ok, boolean invite) {
        if (invite) {
            services.sip().ack(dialog, ok);
            ackedCseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            OfferBody body = OfferBody.of(ok);
            if (body.kind() == OfferBody.Kind.SDP) {
                try {
                    media.accept(body.sdp());
                } catch (SdpException e) {
                    listener.lost("unusable SDP answer to our refresh: " + e.getMessage(), null);
                    return;
                }
            }
        }
        timer.refreshed(SessionTimerRules.granted(ok));
    }

    /** A transaction of ours timed out; only our refresh's matters. */
    public void onTimeout(ClientTransaction ct) {
        if (ct != null && ct == refresh) {
            refresh = null;
            lost("our session refresh timed out");
        }
    }

    @Override
    public void expired(String why) {
        listener.lost(why, SipReason.SESSION_EXPIRED);
    }

    private void lost(String why) {
        timer.stop();
        listener.lost(why, SipReason.SESSION_EXPIRED);
    }

    /** The leg is over: no timer fires any more. */
    public void close() {
        timer.stop();
        refresh = null;
    }
}
