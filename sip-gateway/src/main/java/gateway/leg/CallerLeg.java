package gateway.leg;

import gateway.dialog.SessionTimerRules;
import gateway.media.LoopScheduler;
import gateway.rtp.RtpLegListener;
import gateway.sdp.SrtpTerms;
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
 * The caller's leg: the inbound INVITE we answer with our SDP, then its dialog (re-INVITE,
 * UPDATE and session timer through its {@link LegDialog}, INFO, BYE) until either side hangs
 * up, or the error we end it with before an answer. What the call does meanwhile is its
 * {@link Listener}'s business. Runs on the call's event loop.
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

        /**
         * The leg cannot go on: never answered (unusable offer, no media port: the caller got an
         * error), or its dialog lost (no usable answer in an ACK, the session timer expired). The
         * call is to end, with {@code reason} on its BYEs when set.
         */
        void lost(String why, SipReason reason);

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
    private final SrtpTerms srtp;
    private final LegDialog session;
    /** The listener heard {@link Listener#answered}: at the 200, or at the ACK that answers a delayed offer. */
    private boolean announced;

    /** A caller with today's terms: plain RTP, SRTP only if the INVITE came over TLS. */
    public CallerLeg(LegServices services, EventLoop loop, String callId, AdmittedInvite admitted) {
        this(services, loop, callId, admitted,
                SrtpTerms.any(admitted.source() != null && LegSecurity.secure(admitted.source().transport())));
    }

    /** @param srtp the caller's SRTP terms: its trunk's or agent's {@code media}, and whether it came over TLS */
    public CallerLeg(LegServices services, EventLoop loop, String callId, AdmittedInvite admitted, SrtpTerms srtp) {
        this.services = services;
        this.srtp = srtp;
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
        this.session = new LegDialog(services, new LoopScheduler(loop), "caller leg " + callId, new LegDialog.Listener() {
            @Override
            public void answered() {
                announce();
            }

            @Override
            public void lost(String why, SipReason reason) {
                listener.lost(why, reason);
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
        } else if (to.over()) {
            session.close();
            if (media != null) {
                media.close();
            }
        }
    }

    /** The caller's display name (From), or null. */
    public String callerName() {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return from == null ? null : from.getAddress().getDisplayName();
    }

    /** The caller's number (From user), shown to the agents we ring. */
    public String callerUser() {
        return callerUser(invite);
    }

    /** The From user of {@code request}, or "" when it has none. */
    public static String callerUser(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
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
        boolean delayed = offer.kind() == OfferBody.Kind.NONE;
        MediaLeg.Opened then = new MediaLeg.Opened() {
            @Override
            public void opened(MediaLeg leg, byte[] sdp) {
                if (state() != State.PROCEEDING) {
                    leg.close();
                    return;
                }
                media = leg;
                // never null: B2bua answers a too small interval 422 before a call exists
                SessionTimerRules.Grant grant = services.timers().grant(invite);
                services.sip().answer(inviteTx, invite, Response.OK, toTag, sdp,
                        ok -> services.timers().answer(ok, invite, grant));
                state(State.ANSWERED, delayed ? "offered in the 200" : "answered");
                session.confirmed(dialog, leg, grant, SessionTimerRules.allowsUpdate(invite));
                if (delayed) {
                    session.awaitAnswer();
                } else {
                    announce();
                }
            }

            @Override
            public void failed(int status, String why) {
                if (state() == State.PROCEEDING) {
                    refuse(status, why);
                    listener.lost(why, null);
                }
            }
        };
        if (delayed) {
            MediaLeg.offering(services, loop, mediaEvents, srtp, then);
        } else {
            MediaLeg.answering(services, loop, mediaEvents, offer.sdp(), srtp, then);
        }
    }

    /** Once: later answers in ACKs (to offerless re-INVITEs) change the media, not the call. */
    private void announce() {
        if (!announced) {
            announced = true;
            listener.answered(media);
        }
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

    /** The caller's dialog: its re-INVITEs, UPDATEs, ACKs, and our session refreshes with their responses. */
    public LegDialog dialog() {
        return session;
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
