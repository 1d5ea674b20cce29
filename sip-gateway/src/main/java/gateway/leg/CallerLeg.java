package gateway.leg;

import gateway.rtp.RtpLegListener;
import gateway.sdp.SdpException;
import gateway.sip.AdmittedInvite;
import gateway.sip.OfferBody;
import gateway.sip.SipOutbound;
import gateway.sip.SipReason;
import io.netty.channel.EventLoop;
import java.util.EnumSet;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's leg: the inbound INVITE we answer with our SDP, then its dialog (re-INVITE, INFO,
 * BYE) until either side hangs up, or the error we end it with before an answer. What the call
 * does meanwhile is its {@link Listener}'s business. Runs on the call's event loop.
 */
public final class CallerLeg {
    private static final Logger log = LoggerFactory.getLogger(CallerLeg.class);

    public enum State implements Transitions<State> {
        /** INVITE taken, 100 Trying sent, media being opened. */
        PROCEEDING,
        /** 200 OK with our SDP sent: the dialog is up. */
        ANSWERED,
        /** Hung up after the answer, by either side. */
        TERMINATED,
        /** Never answered: refused by us (SDP, ports, hang-up) or cancelled by the caller. */
        FAILED;

        private Set<State> next;

        static {
            PROCEEDING.next = EnumSet.of(ANSWERED, FAILED);
            ANSWERED.next = EnumSet.of(TERMINATED);
            TERMINATED.next = EnumSet.noneOf(State.class);
            FAILED.next = EnumSet.noneOf(State.class);
        }

        @Override
        public boolean canGo(State to) {
            return next.contains(to);
        }

        boolean over() {
            return this == TERMINATED || this == FAILED;
        }
    }

    /** What the caller's side does to the call. */
    public interface Listener {
        /** Media agreed and 200 OK sent. */
        void answered(MediaLeg media);

        /** The leg ended from the caller's side (BYE, CANCEL). */
        void gone(String reason);

        /** The call could not be answered (unusable offer, no media port); the caller got an error. */
        void failed(String why);

        /** A key sent by SIP INFO. */
        void key(char key);
    }

    private final LegServices services;
    private final EventLoop loop;
    private final String callId;
    private final ServerTransaction inviteTx;
    private final Request invite;
    /** The INVITE's body, read once at admission. */
    private final OfferBody offer;
    private final String toTag = SipOutbound.newTag();
    private final StateMachine<State> machine;
    private Listener listener;
    private Dialog dialog;
    private MediaLeg media;
    /** A delayed offer: our offer went in the 200, the caller's answer is due in the ACK. */
    private boolean awaitingAnswer;

    public CallerLeg(LegServices services, EventLoop loop, String callId, AdmittedInvite admitted) {
        this.services = services;
        this.loop = loop;
        this.callId = callId;
        this.inviteTx = admitted.transaction();
        this.invite = admitted.request();
        this.offer = admitted.offer();
        this.machine = new StateMachine<>(log, "caller leg " + callId, State.PROCEEDING, new StateMachine.Actions<>() {
            @Override
            public void entry(State to, State from) {
                enter(to);
            }
        });
    }

    public State state() {
        return machine.state();
    }

    /** Goes to {@code next}; an illegal transition throws {@link IllegalStateException}. */
    void state(State next, String reason) {
        machine.go(next, reason);
    }

    private void enter(State to) {
        if (to == State.ANSWERED) {
            dialog = inviteTx.getDialog();
        } else if (to.over() && media != null) {
            media.close();
        }
    }

    /** The caller's display name (From), or null. */
    public String callerName() {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return from == null ? null : from.getAddress().getDisplayName();
    }

    /** The caller's number (From user), shown to the agents we ring. */
    public String callerUser() {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return "";
    }

    /**
     * Sends 100 Trying, opens the caller's media and answers the offer; an INVITE without a body
     * (a delayed offer) gets our offer in the 200, and the call goes on once the ACK answers it.
     * The listener hears how it went.
     */
    public void answer(RtpLegListener mediaEvents, Listener events) {
        this.listener = events;
        services.sip().answer(inviteTx, invite, Response.TRYING, null, null);
        MediaLeg.Opened then = new MediaLeg.Opened() {
            @Override
            public void opened(MediaLeg leg, byte[] sdp) {
                if (state() != State.PROCEEDING) {
                    leg.close();
                    return;
                }
                media = leg;
                services.sip().answer(inviteTx, invite, Response.OK, toTag, sdp);
                state(State.ANSWERED, awaitingAnswer ? "offered in the 200" : "answered");
                if (!awaitingAnswer) {
                    listener.answered(leg);
                }
            }

            @Override
            public void failed(int status, String why) {
                log.info("call {}: {}", callId, why);
                if (state() == State.PROCEEDING) {
                    refuse(status, why);
                    listener.failed(why);
                }
            }
        };
        if (offer.kind() == OfferBody.Kind.NONE) {
            awaitingAnswer = true;
            MediaLeg.offering(services, loop, mediaEvents, then);
        } else {
            MediaLeg.answering(services, loop, mediaEvents, offer.sdp(), then);
        }
    }

    /**
     * The ACK to our 200. After a delayed offer it carries the caller's answer: the media is set
     * from it and the call goes on; without a usable answer the call ends with a BYE.
     */
    public void onAck(Request ack) {
        if (!awaitingAnswer || state() != State.ANSWERED) {
            return;
        }
        awaitingAnswer = false;
        OfferBody body = OfferBody.of(ack);
        String why = null;
        if (body.kind() != OfferBody.Kind.SDP) {
            why = "delayed offer: the ACK carries no SDP answer (" + body.why() + ")";
        } else {
            try {
                media.accept(body.sdp());
            } catch (SdpException e) {
                why = "delayed offer: unusable SDP answer in the ACK: " + e.getMessage();
            }
        }
        if (why == null) {
            listener.answered(media);
            return;
        }
        log.info("call {}: {}, hanging up", callId, why);
        services.sip().bye(dialog);
        state(State.TERMINATED, why);
        listener.failed(why);
    }

    /** We end the leg: BYE once answered, a final error before. */
    public void hangUp(String reason) {
        hangUp(reason, null);
    }

    /** {@link #hangUp(String)} with a Reason header (RFC 3326) on the BYE when {@code sipReason} is set. */
    public void hangUp(String reason, SipReason sipReason) {
        switch (state()) {
            case ANSWERED -> {
                services.sip().bye(dialog, sipReason);
                state(State.TERMINATED, reason);
            }
            case PROCEEDING -> refuse(Response.TEMPORARILY_UNAVAILABLE, reason);
            default -> { }
        }
    }

    private void refuse(int status, String reason) {
        services.sip().answer(inviteTx, invite, status, toTag, null);
        state(State.FAILED, reason);
    }

    public void onBye(ServerTransaction st, Request bye) {
        services.sip().reply(st, bye, Response.OK);
        leave(State.TERMINATED, "caller hung up");
    }

    /** The caller cancelled before we answered (200 and 487 already went out). */
    public void onCancelled() {
        leave(State.FAILED, "caller cancelled");
    }

    private void leave(State end, String reason) {
        if (!state().over()) {
            state(state() == State.ANSWERED ? State.TERMINATED : end, reason);
        }
        listener.gone(reason);
    }

    public void onReinvite(ServerTransaction st, Request reinvite) {
        MediaLeg.reanswer(services, media, st, reinvite);
    }

    /** SIP INFO: a DTMF key ({@code application/dtmf-relay} or {@code application/dtmf}), or an empty keep-alive. */
    public void onInfo(ServerTransaction st, Request info) {
        char key = InfoKeys.answer(services.sip(), st, info);
        if (key != 0) {
            listener.key(key);
        }
    }

    /** Sends {@code key} to the caller by SIP INFO (dtmf-relay); false when the dialog is not up. */
    public boolean sendInfo(char key, int durationMs) {
        return state() == State.ANSWERED && InfoKeys.send(services.sip(), dialog, key, durationMs);
    }

    @Override
    public String toString() {
        return machine.toString();
    }
}
