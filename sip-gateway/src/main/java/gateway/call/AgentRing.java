package gateway.call;

import config.model.Forward;
import acd.call.RingEnd;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sdp.Direction;
import gateway.sdp.LocalSession;
import gateway.sdp.MediaParameters;
import gateway.sdp.SdpException;
import gateway.sdp.SessionDescription;
import gateway.sip.registrar.Binding;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent being rung for a call: an INVITE to each of the agent's registered phones at once
 * (and/or its personal device through the trunk, by its forward mode), all sharing one media
 * leg. The first fork to answer wins; the others are cancelled. Runs on the call's loop.
 */
final class AgentRing {
    private static final Logger log = LoggerFactory.getLogger(AgentRing.class);

    enum State {
        /** Opening the media leg, then INVITEs out. */
        RINGING,
        /** A fork answered; the core decides whether to bridge it. */
        ANSWERED,
        /** Bridged to the caller. */
        BRIDGED,
        /** Over: cancelled, failed, or hung up. */
        ENDED
    }

    /** What is being rung now: the phones first, then (on no answer) the personal device. */
    private enum Phase { PHONES, DEVICE }

    /** One INVITE of the ring, to one contact. */
    static final class Fork {
        final String callId;
        final AgentRing ring;
        ClientTransaction transaction;
        boolean provisional;
        boolean cancelWanted;
        boolean finished;
        Dialog dialog;
        /** The 2xx this fork answered with, to hang up from when the dialog will not serve. */
        Response answer;

        Fork(String callId, AgentRing ring) {
            this.callId = callId;
            this.ring = ring;
        }
    }

    private final CallSession session;
    private final B2bua b2bua;
    private final String agentId;
    private final AgentRoute route;
    private final long ringTimeoutMs;
    private final List<Fork> forks = new ArrayList<>(2);
    private State state = State.RINGING;
    private Phase phase;
    private RtpLeg leg;
    private LocalSession sdp;
    private byte[] offer;
    private Fork answered;
    private ScheduledFuture<?> deviceTimer;
    private int lastFailure;

    AgentRing(CallSession session, B2bua b2bua, String agentId, AgentRoute route, long ringTimeoutMs) {
        this.session = session;
        this.b2bua = b2bua;
        this.agentId = agentId;
        this.route = route;
        this.ringTimeoutMs = ringTimeoutMs;
    }

    String agentId() {
        return agentId;
    }

    /** The caller's Call-ID: an agent leg's events run on the caller's loop. */
    String callIdOfCaller() {
        return session.callId();
    }

    /** A re-INVITE from the agent (hold, unhold): answered from the agent leg's own port. */
    void agentReinvite(javax.sip.ServerTransaction st, javax.sip.message.Request reinvite) {
        session.reanswer(st, reinvite, leg, sdp);
    }

    State state() {
        return state;
    }

    RtpLeg leg() {
        return leg;
    }

    Dialog dialog() {
        return answered == null ? null : answered.dialog;
    }

    /** Opens the agent's media leg, then rings. */
    void start() {
        sdp = new LocalSession(b2bua.advertisedHost());
        b2bua.rtp().open(session.loop(), new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg l) {
                session.mediaDead(l);
            }
        }).addListener(f -> {
            if (!f.isSuccess()) {
                log.warn("call {}: no media port to ring agent {}: {}", session.callId(), agentId, f.cause().toString());
                fail(Response.SERVICE_UNAVAILABLE);
                return;
            }
            leg = (RtpLeg) f.getNow();
            if (state != State.RINGING) {
                leg.close();
                return;
            }
            offer = b2bua.negotiator().offer(sdp, leg.port(), Direction.SENDRECV).toString()
                    .getBytes(StandardCharsets.US_ASCII);
            List<Binding> phones = b2bua.locator().contactsOf(agentId);
            boolean device = switch (route.forward()) {
                case NEVER -> false;
                case WHEN_OFFLINE, ON_NO_ANSWER -> phones.isEmpty();
                case ALWAYS -> true;
            };
            if (device) {
                ringDevice();
            } else {
                ringPhones(phones);
            }
        });
    }

    private void ringPhones(List<Binding> phones) {
        phase = Phase.PHONES;
        if (phones.isEmpty()) {
            fail(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        for (Binding b : phones) {
            send(b.reachUri(), b.transport(), route.extension());
        }
        if (route.forward() == Forward.ON_NO_ANSWER) {
            deviceTimer = session.loop().schedule(this::phonesUnanswered, ringTimeoutMs, TimeUnit.MILLISECONDS);
        }
        giveUpIfNoForkLeft();
    }

    private void ringDevice() {
        phase = Phase.DEVICE;
        String uri = "sip:" + route.device() + "@" + route.trunk().getHostString() + ":" + route.trunk().getPort();
        send(uri, "UDP", route.device());
        giveUpIfNoForkLeft();
    }

    private void send(String uri, String transport, String toUser) {
        Fork fork = new Fork(SipOutbound.newCallId(), this);
        b2bua.own(fork);
        fork.transaction = b2bua.sip().invite(uri, transport, fork.callId, session.callerUser(), b2bua.domain(), toUser, offer);
        if (fork.transaction == null) {
            fork.finished = true;
            b2bua.disown(fork);
            lastFailure = Response.SERVICE_UNAVAILABLE;
        } else {
            forks.add(fork);
        }
    }

    private void giveUpIfNoForkLeft() {
        if (state == State.RINGING && forks.stream().allMatch(f -> f.finished)) {
            fail(lastFailure == 0 ? Response.TEMPORARILY_UNAVAILABLE : lastFailure);
        }
    }

    /** on-no-answer: the phones rang a full ring timeout; the device gets the next one. */
    private void phonesUnanswered() {
        if (state != State.RINGING || phase != Phase.PHONES) {
            return;
        }
        stopForks();
        ringDevice();
    }

    void onResponse(Fork fork, ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        if (status < 200) {
            fork.provisional = true;
            if (fork.cancelWanted && !fork.finished) {
                b2bua.sip().cancel(fork.transaction);
            }
            return;
        }
        if (status < 300) {
            Dialog dialog = event.getDialog() != null ? event.getDialog() : fork.transaction.getDialog();
            if (fork == answered) {
                b2bua.sip().ack(dialog != null ? dialog : fork.dialog, r); // a retransmission of the answer we took
                return;
            }
            if (state != State.RINGING || answered != null || fork.cancelWanted) {
                if (dialog == null || !b2bua.sip().ack(dialog, r) || !b2bua.sip().bye(dialog)) {
                    // an answer that crossed our CANCEL may come with no usable dialog: hang up from the response
                    b2bua.sip().ackAndBye(r);
                }
                fork.finished = true;
                b2bua.disown(fork);
                return;
            }
            b2bua.sip().ack(dialog, r);
            fork.finished = true;
            fork.dialog = dialog;
            fork.answer = r;
            MediaParameters media;
            try {
                media = b2bua.negotiator().accept(SessionDescription.parse(body(r)));
            } catch (SdpException e) {
                log.warn("call {}: agent {} answered with unusable SDP: {}", session.callId(), agentId, e.getMessage());
                b2bua.sip().bye(dialog);
                lastFailure = Response.NOT_ACCEPTABLE_HERE;
                giveUpIfNoForkLeft();
                return;
            }
            leg.media(media);
            answered = fork;
            state = State.ANSWERED;
            stopForks();
            session.agentAnswered(this);
            return;
        }
        fork.finished = true;
        lastFailure = status;
        if (state == State.ENDED) {
            b2bua.disown(fork);
        }
        if (state == State.RINGING) {
            if (phase == Phase.PHONES && route.forward() == Forward.ON_NO_ANSWER
                    && forks.stream().allMatch(f -> f.finished)) {
                // every phone said no: go to the device now rather than after the timeout
                phonesUnanswered();
                return;
            }
            giveUpIfNoForkLeft();
        }
    }

    void onTimeout(Fork fork) {
        if (!fork.finished) {
            fork.finished = true;
            lastFailure = Response.REQUEST_TIMEOUT;
            if (state == State.ENDED) {
                b2bua.disown(fork);
            }
            giveUpIfNoForkLeft();
        }
    }

    /** The agent's side hung up. */
    void onBye(Fork fork) {
        if (fork == answered) {
            boolean wasBridged = state == State.BRIDGED;
            state = State.ENDED;
            closeLeg();
            releaseForks();
            session.agentHungUp(this, wasBridged);
        }
    }

    void bridged() {
        state = State.BRIDGED;
    }

    /** The core no longer wants this ring (timeout, another answered, caller gone): stop it. */
    void cancel() {
        if (state == State.ENDED) {
            return;
        }
        if (answered != null && !b2bua.sip().bye(answered.dialog)) {
            b2bua.sip().ackAndBye(answered.answer);
        }
        state = State.ENDED;
        stopForks();
        closeLeg();
        releaseForks();
    }

    /** Hangs up an answered or bridged leg (the call is over). */
    void hangUp() {
        cancel();
    }

    private void fail(int status) {
        if (state != State.RINGING) {
            return;
        }
        state = State.ENDED;
        stopForks();
        closeLeg();
        releaseForks();
        session.agentRingFailed(this, classify(status));
    }

    static RingEnd classify(int status) {
        return switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> RingEnd.REJECTED;
            default -> RingEnd.FAILED;
        };
    }

    /** Cancels every fork still pending (but the answered one), and the device timer. */
    private void stopForks() {
        if (deviceTimer != null) {
            deviceTimer.cancel(false);
            deviceTimer = null;
        }
        for (Fork f : forks) {
            if (f == answered || f.finished || f.cancelWanted) {
                continue;
            }
            f.cancelWanted = true;
            if (f.provisional) {
                b2bua.sip().cancel(f.transaction);
            }
        }
    }

    private void closeLeg() {
        if (leg != null) {
            leg.close();
        }
    }

    /**
     * Forgets the Call-IDs of finished forks. A fork still waiting for its first response stays
     * known, so its CANCEL can go out when that response comes.
     */
    private void releaseForks() {
        for (Fork f : forks) {
            if (f.finished && (f != answered || state == State.ENDED)) {
                b2bua.disown(f);
            }
        }
    }

    private static String body(Response r) {
        byte[] raw = r.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return agentId + "(" + state + ")";
    }
}
