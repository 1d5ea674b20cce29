package gateway.leg;

import gateway.dialog.SessionTimerRules;
import gateway.sdp.SdpException;
import gateway.sip.OfferBody;
import gateway.sip.Resender;
import gateway.sip.SipOutbound;
import gateway.sip.SipReason;
import gateway.trunk.TrunkRoute;
import ivr.time.Scheduler;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INVITE we send and the dialog it makes: to one registered phone of an agent (a fork of an
 * {@link AgentRing}), to an agent's personal device through the trunk, or to the outside number
 * a call is transferred to. Every kind follows the same SIP rules; what an answer or a failure
 * means is its {@link Owner}'s business. Runs on the caller's loop: {@code B2bua} maps the
 * leg's Call-ID there.
 */
public final class OutgoingLeg {
    private static final Logger log = LoggerFactory.getLogger(OutgoingLeg.class);

    public enum Kind {
        /** A registered phone (contact) of an agent. */
        AGENT_PHONE,
        /** An agent's personal number through the trunk. */
        DEVICE,
        /** An outside number a call is transferred to, through the trunk. */
        TRANSFER
    }

    public enum State implements Transitions<State> {
        /** INVITE sent, nothing heard yet. */
        CALLING,
        /** A provisional response came: the far end rings, and a CANCEL may go out. */
        PROCEEDING,
        /** A 2xx came and was ACKed: the dialog is up. */
        ANSWERED,
        /** We no longer want it; the CANCEL goes out as soon as a provisional response allows. */
        CANCELLING,
        /** Over after an answer (BYE either way) or after our CANCEL (487, or a crossing 2xx ACKed and BYEd). */
        TERMINATED,
        /** Refused, timed out, or never sent. */
        FAILED;

        private Set<State> next;

        static {
            CALLING.next = EnumSet.of(PROCEEDING, ANSWERED, CANCELLING, FAILED);
            // back to CALLING when a challenge is answered: the re-sent INVITE has heard nothing yet
            PROCEEDING.next = EnumSet.of(CALLING, ANSWERED, CANCELLING, FAILED);
            ANSWERED.next = EnumSet.of(TERMINATED);
            CANCELLING.next = EnumSet.of(TERMINATED);
            TERMINATED.next = EnumSet.noneOf(State.class);
            FAILED.next = EnumSet.noneOf(State.class);
        }

        @Override
        public boolean canGo(State to) {
            return next.contains(to);
        }

        public boolean over() {
            return this == TERMINATED || this == FAILED;
        }
    }

    /** Who wanted the leg: hears its answer and its end. */
    public interface Owner {
        /** The far end answered with SDP we took: the shared media is set. */
        void answered(OutgoingLeg leg);

        /**
         * The leg ended without an answer we keep: refused, timed out, never sent, cancelled, or
         * answered with SDP we cannot use (488). {@code status} is the SIP reason.
         */
        void finished(OutgoingLeg leg, int status);

        /** The far end hung up the answered leg. */
        void hungUp(OutgoingLeg leg);

        /** The far end sent a key by SIP INFO. */
        void key(OutgoingLeg leg, char key);

        /**
         * The answered leg's dialog cannot go on (its session timer expired, no usable answer in
         * an ACK): the call is to end, with {@code reason} on its BYEs when set.
         */
        void lost(OutgoingLeg leg, String why, SipReason reason);
    }

    private final LegServices services;
    private final Kind kind;
    private final String callId = SipOutbound.newCallId();
    private final String callerCallId;
    private final MediaLeg media;
    private final Owner owner;
    private final StateMachine<State> machine;
    /** The live INVITE transaction: a challenge answered (or a 422) replaces it. */
    private ClientTransaction transaction;
    private InviteRetry retry;
    private Dialog dialog;
    /** The 2xx we kept, to hang up from when the dialog will not serve. */
    private Response answer;
    /** The Reason for our CANCEL (and the BYE of an answer that crosses it); null for none. */
    private SipReason endReason;
    /** Re-INVITEs, UPDATEs and the session timer once the far end answers (UPDATE while it rings too). */
    private final LegDialog session;
    /** Whether our INVITE carried the offer; a delayed offer's comes in the 2xx and we answer in the ACK. */
    private boolean offered;

    /**
     * @param media     the media the INVITE offers; an answer sets its peer
     * @param scheduler the call loop's, for the session timer
     */
    public OutgoingLeg(LegServices services, Kind kind, String callerCallId, MediaLeg media, Scheduler scheduler,
                       Owner owner) {
        this.services = services;
        this.kind = kind;
        this.callerCallId = callerCallId;
        this.media = media;
        this.owner = owner;
        this.retry = new InviteRetry(services, null);
        this.machine = new StateMachine<>(log, kind + " leg " + callId, State.CALLING, new StateMachine.Actions<>() {
            @Override
            public void entry(State to, State from) {
                enter(to, from);
            }
        });
        this.session = new LegDialog(services, scheduler, kind + " leg " + callId, new LegDialog.Listener() {
            @Override
            public void answered() {
                // an offer of ours in a re-INVITE's 2xx was answered: the media is set, nothing else changes
            }

            @Override
            public void lost(String why, SipReason reason) {
                owner.lost(OutgoingLeg.this, why, reason);
            }
        });
    }

    public String callId() {
        return callId;
    }

    /** The caller's Call-ID: this leg's events run on the caller's loop. */
    public String callerCallId() {
        return callerCallId;
    }

    public Kind kind() {
        return kind;
    }

    public State state() {
        return machine.state();
    }

    public MediaLeg media() {
        return media;
    }

    /** Goes to {@code next}; an illegal transition throws {@link IllegalStateException}. */
    void state(State next, String reason) {
        machine.go(next, reason);
    }

    private void enter(State to, State from) {
        switch (to) {
            case CANCELLING -> {
                if (from == State.PROCEEDING) {
                    services.sip().cancel(transaction, endReason);
                }
            }
            // forgotten only when over: a leg waiting to send its CANCEL must still find its response
            case TERMINATED, FAILED -> {
                session.close();
                services.legs().disown(this);
            }
            default -> { }
        }
    }

    /**
     * Sends the INVITE.
     *
     * @param uri      a registered contact, or the number at the trunk
     * @param fromUser the caller's number, so the far end shows who calls
     * @param toUser   the agent's extension or the number
     * @param offer    our SDP, or null for a delayed offer (the far end offers in its 2xx)
     * @return false when the INVITE could not be sent (the leg has FAILED; its owner is not told)
     */
    public boolean invite(String uri, String transport, String fromUser, String toUser, byte[] offer) {
        return invite(uri, transport, List.of(), fromUser, toUser, offer);
    }

    /** {@link #invite(String, String, String, String, byte[])} through the proxies of {@code routeSet} (a Path). */
    public boolean invite(String uri, String transport, List<String> routeSet, String fromUser, String toUser,
                          byte[] offer) {
        services.legs().own(this);
        offered = offer != null;
        SessionTimerRules timers = services.timers();
        transaction = services.sip().invite(uri, transport, routeSet, callId, fromUser, services.domain(), toUser, offer,
                r -> timers.request(r, timers.expiresSeconds(), timers.minSeSeconds(), false));
        if (transaction == null) {
            state(State.FAILED, "INVITE not sent");
            return false;
        }
        return true;
    }

    /**
     * Sends the INVITE for {@code number} through {@code trunk}: with {@code offer}, or none for a
     * delayed-offer trunk; its challenges answered with the trunk's credentials.
     */
    public boolean invite(TrunkRoute trunk, String number, String fromUser, byte[] offer) {
        this.retry = new InviteRetry(services, trunk);
        return invite(trunk.uri(number), trunk.transport(), fromUser, number, trunk.inviteBody(offer));
    }

    /** Whether {@code ct} is this leg's INVITE (or the event names no transaction). */
    public boolean isInvite(ClientTransaction ct) {
        return ct == null || ct == transaction;
    }

    /** We no longer want the leg: CANCEL while it rings, BYE once answered. */
    public void hangUp(String reason) {
        hangUp(reason, null);
    }

    /** {@link #hangUp(String)} with a Reason header (RFC 3326) on the CANCEL or BYE when {@code sipReason} is set. */
    public void hangUp(String reason, SipReason sipReason) {
        switch (state()) {
            case CALLING, PROCEEDING -> {
                endReason = sipReason;
                state(State.CANCELLING, reason);
            }
            case ANSWERED -> {
                if (!services.sip().bye(dialog, sipReason)) {
                    services.sip().ackAndBye(answer, sipReason);
                }
                state(State.TERMINATED, reason);
            }
            default -> { }
        }
    }

    public void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        if (status < 200) {
            if (state() == State.CALLING) {
                state(State.PROCEEDING, "provisional " + status);
            } else if (state() == State.CANCELLING) {
                services.sip().cancel(transaction, endReason);
            }
        } else if (status < 300) {
            onAnswer(event);
        } else if (retry.handles(status) && state() != State.CANCELLING && !state().over()) {
            sendAgain(r);
        } else {
            if (status == Response.FORBIDDEN && retry.throughTrunk()) {
                log.info("call {}: {} leg{} refused with 403: check the trunk's username and password",
                        callerCallId, kind, retry.through());
            }
            end(status, "final response " + status);
        }
    }

    /**
     * A 401/407 or 422 ({@link InviteRetry}): the INVITE again in a new transaction, which a
     * CANCEL then targets; the leg fails with {@code status} when it could not be sent.
     */
    private void sendAgain(Response r) {
        int status = r.getStatusCode();
        Resender.Resend resend = retry.resend(transaction, r);
        if (!resend.sent()) {
            log.info("call {}: {} leg{} failed: {}", callerCallId, kind, retry.through(), resend.failure());
            end(status, "not sent again after " + status);
            return;
        }
        transaction = resend.transaction();
        if (state() == State.PROCEEDING) {
            state(State.CALLING, "final " + status + ": INVITE sent again");
        }
    }

    private void onAnswer(ResponseEvent event) {
        Response r = event.getResponse();
        Dialog d = event.getDialog() != null ? event.getDialog() : transaction.getDialog();
        switch (state()) {
            case ANSWERED -> services.sip().ack(d != null ? d : dialog, r); // a retransmission of the answer we took
            case CALLING, PROCEEDING -> take(d, r);
            case CANCELLING -> {
                if (d == null || !services.sip().ack(d, r) || !services.sip().bye(d, endReason)) {
                    // an answer that crossed our CANCEL may come with no usable dialog: hang up from the response
                    services.sip().ackAndBye(r, endReason);
                }
                state(State.TERMINATED, "answer crossed our CANCEL: ACKed and hung up");
                owner.finished(this, Response.REQUEST_TERMINATED);
            }
            default -> { }
        }
    }

    /** The 2xx we keep: with our offer it answers; with none (a delayed offer) it offers, and the ACK answers. */
    private void take(Dialog d, Response r) {
        byte[] answerSdp = null;
        String unusable = null;
        try {
            if (offered) {
                media.accept(OfferBody.of(r).sdp());
            } else {
                answerSdp = media.answer(OfferBody.of(r).sdp());
            }
        } catch (SdpException e) {
            unusable = e.getMessage();
        }
        services.sip().ack(d, r, answerSdp);
        dialog = d;
        answer = r;
        state(State.ANSWERED, "answered");
        if (unusable != null) {
            log.info("call {}: {} leg answered with unusable SDP: {}", callerCallId, kind, unusable);
            services.sip().bye(dialog);
            state(State.TERMINATED, "unusable SDP in the answer");
            owner.finished(this, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        session.confirmed(d, media, SessionTimerRules.granted(r), SessionTimerRules.allowsUpdate(r));
        owner.answered(this);
    }

    /** No final response in time. */
    public void onTimeout() {
        end(Response.REQUEST_TIMEOUT, "no response");
    }

    private void end(int status, String reason) {
        switch (state()) {
            case CALLING, PROCEEDING -> state(State.FAILED, reason);
            case CANCELLING -> state(State.TERMINATED, reason);
            default -> {
                return;
            }
        }
        owner.finished(this, status);
    }

    /** The far end hung up (the 200 is already sent). */
    public void onBye() {
        if (state() == State.ANSWERED) {
            state(State.TERMINATED, "far end hung up");
            owner.hungUp(this);
        }
    }

    /** SIP INFO from the far end: a key for the owner, or an empty keep-alive. */
    public void onInfo(ServerTransaction st, Request info) {
        char key = InfoKeys.answer(services.sip(), st, info);
        if (key != 0 && state() == State.ANSWERED) {
            owner.key(this, key);
        }
    }

    /** Sends {@code key} to the far end by SIP INFO (dtmf-relay); false when the dialog is not up. */
    public boolean sendInfo(char key, int durationMs) {
        return state() == State.ANSWERED && InfoKeys.send(services.sip(), dialog, key, durationMs);
    }

    /**
     * The leg's dialog: the far end's re-INVITEs and UPDATEs (answered from the shared media's own
     * port), its ACKs, and our session refreshes with their responses.
     */
    public LegDialog dialog() {
        return session;
    }

    @Override
    public String toString() {
        return machine.toString();
    }
}
