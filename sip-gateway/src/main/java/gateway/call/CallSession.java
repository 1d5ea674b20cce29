package gateway.call;

import acd.call.RingEnd;
import acd.call.Target;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sdp.Direction;
import gateway.sdp.LocalSession;
import gateway.sdp.MediaParameters;
import gateway.sdp.Negotiation;
import gateway.sdp.SdpException;
import gateway.sdp.SessionDescription;
import gateway.sip.AdmittedInvite;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's call: the inbound leg we answered, its media, and the agents being rung for it.
 * Everything runs on the call's event loop; the routing core steers the queue part through
 * {@link B2bua}'s {@code CallControl}, and hears back through posted commands.
 */
final class CallSession {
    private static final Logger log = LoggerFactory.getLogger(CallSession.class);

    private final B2bua b2bua;
    private final EventLoop loop;
    private final String callId;
    private final ServerTransaction inviteTx;
    private final Request invite;
    private final String callerUser;
    private final String toTag = SipOutbound.newTag();
    private final Map<String, AgentRing> rings = new HashMap<>(2);

    private CallPhase phase = CallPhase.NEW;
    private Dialog dialog;
    private RtpLeg leg;
    private LocalSession sdp;
    private AgentRing bridged;
    /** The core holds this call (queued, ringing or bridged) and must hear when it ends. */
    private boolean inCore;

    CallSession(B2bua b2bua, EventLoop loop, AdmittedInvite admitted) {
        this.b2bua = b2bua;
        this.loop = loop;
        this.inviteTx = admitted.transaction();
        this.invite = admitted.request();
        this.callId = B2bua.callIdOf(invite);
        this.callerUser = userOf(invite);
    }

    String callId() {
        return callId;
    }

    EventLoop loop() {
        return loop;
    }

    CallPhase phase() {
        return phase;
    }

    /** The caller's number (From user), shown to the agents we ring. */
    String callerUser() {
        return callerUser;
    }

    private void phase(CallPhase next) {
        if (!phase.canGo(next)) {
            throw new IllegalStateException("call " + callId + ": " + phase + " -> " + next + " is not a legal transition");
        }
        log.debug("call {}: {} -> {}", callId, phase, next);
        phase = next;
    }

    // ---------------------------------------------------------------- caller side

    /** Answers the INVITE with our SDP and sends the caller to the dialled number's entry. */
    void start(Target entry) {
        b2bua.sip().answer(inviteTx, invite, Response.TRYING, null, null);
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(body(invite.getRawContent()));
        } catch (SdpException e) {
            log.info("call {}: unusable SDP offer: {}", callId, e.getMessage());
            reject(Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        sdp = new LocalSession(b2bua.advertisedHost());
        b2bua.rtp().open(loop, new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg l) {
                mediaDead(l);
            }
        }).addListener(f -> {
            if (!f.isSuccess()) {
                log.warn("call {}: no media port: {}", callId, f.cause().toString());
                reject(Response.SERVICE_UNAVAILABLE);
                return;
            }
            leg = (RtpLeg) f.getNow();
            if (phase == CallPhase.ENDED) {
                leg.close();
                return;
            }
            Negotiation answer;
            try {
                answer = b2bua.negotiator().answer(offer, sdp, leg.port(), Direction.SENDRECV);
            } catch (SdpException e) {
                log.info("call {}: no common codec: {}", callId, e.getMessage());
                reject(Response.NOT_ACCEPTABLE_HERE);
                return;
            }
            leg.media(answer.media());
            b2bua.sip().answer(inviteTx, invite, Response.OK, toTag, bytes(answer.answer()));
            dialog = inviteTx.getDialog();
            goTo(entry);
        });
    }

    private void reject(int status) {
        if (phase == CallPhase.NEW) {
            b2bua.sip().answer(inviteTx, invite, status, toTag, null);
        }
        end(false);
    }

    /** Runs a target: a queue, hang-up; the IVR targets belong to the IVR. */
    void goTo(Target target) {
        switch (target.kind()) {
            case QUEUE -> {
                phase(CallPhase.QUEUED);
                inCore = true;
                b2bua.enqueue(callId, target.ref());
            }
            case HANGUP -> hangUp();
            case MENU, VOICEMAIL, TRANSFER -> {
                log.warn("call {}: target {} needs the IVR, which this gateway does not run; hanging up", callId, target);
                hangUp();
            }
        }
    }

    void callerAck(Request ack) {
        log.trace("call {}: ACK", callId);
    }

    void callerBye(ServerTransaction st, Request bye) {
        b2bua.sip().reply(st, bye, Response.OK);
        end(false);
    }

    /** The caller cancelled before we answered (200 and 487 already went out). */
    void callerCancelled() {
        end(false);
    }

    /** A re-INVITE from the caller (hold, unhold, new address): answer from the same port. */
    void callerReinvite(ServerTransaction st, Request reinvite) {
        reanswer(st, reinvite, leg, sdp);
    }

    void reanswer(ServerTransaction st, Request reinvite, RtpLeg target, LocalSession session) {
        if (target == null || session == null) {
            b2bua.sip().reply(st, reinvite, Response.REQUEST_PENDING);
            return;
        }
        byte[] raw = reinvite.getRawContent();
        if (raw == null || raw.length == 0) {
            // an offerless re-INVITE: offer what we have, the ACK carries the answer
            byte[] offer = bytes(b2bua.negotiator().offer(session, target.port(), Direction.SENDRECV));
            b2bua.sip().answer(st, reinvite, Response.OK, null, offer);
            return;
        }
        try {
            Negotiation answer = b2bua.negotiator().answer(SessionDescription.parse(body(raw)), session, target.port(),
                    Direction.SENDRECV);
            target.media(answer.media());
            b2bua.sip().answer(st, reinvite, Response.OK, null, bytes(answer.answer()));
        } catch (SdpException e) {
            log.info("call {}: re-INVITE with unusable SDP: {}", callId, e.getMessage());
            b2bua.sip().reply(st, reinvite, Response.NOT_ACCEPTABLE_HERE);
        }
    }

    void callerInfo(ServerTransaction st, Request info) {
        b2bua.sip().reply(st, info, Response.OK);
    }

    // ---------------------------------------------------------------- from the core

    void ringAgent(String agentId, long ringTimeoutMs) {
        if (phase != CallPhase.QUEUED) {
            b2bua.ringFailed(callId, agentId, RingEnd.FAILED);
            return;
        }
        AgentRoute route = b2bua.directory().agent(agentId).orElse(null);
        if (route == null) {
            log.warn("call {}: the core rings agent {} the config does not know", callId, agentId);
            b2bua.ringFailed(callId, agentId, RingEnd.FAILED);
            return;
        }
        AgentRing old = rings.remove(agentId);
        if (old != null) {
            old.cancel();
        }
        AgentRing ring = new AgentRing(this, b2bua, agentId, route, ringTimeoutMs);
        rings.put(agentId, ring);
        ring.start();
    }

    void cancelRing(String agentId) {
        AgentRing ring = rings.remove(agentId);
        if (ring != null) {
            ring.cancel();
        }
    }

    void bridge(String agentId) {
        AgentRing ring = rings.get(agentId);
        if (ring == null || ring.state() != AgentRing.State.ANSWERED || phase != CallPhase.QUEUED) {
            // the agent hung up between answering and the bridge: the call is over
            log.info("call {}: agent {} gone before the bridge", callId, agentId);
            hangUp();
            return;
        }
        phase(CallPhase.BRIDGED);
        bridged = ring;
        ring.bridged();
        b2bua.rtp().bridge(leg, ring.leg());
    }

    void leaveQueue(Target target) {
        inCore = false;
        for (AgentRing r : List.copyOf(rings.values())) {
            r.cancel();
        }
        rings.clear();
        if (phase == CallPhase.ENDED) {
            return;
        }
        if (target.kind() == Target.Kind.QUEUE) {
            inCore = true;
            phase(CallPhase.QUEUED);
            b2bua.enqueue(callId, target.ref());
        } else {
            goTo(target);
        }
    }

    // ---------------------------------------------------------------- from agent rings

    void agentAnswered(AgentRing ring) {
        b2bua.answered(callId, ring.agentId());
    }

    void agentRingFailed(AgentRing ring, RingEnd why) {
        rings.remove(ring.agentId(), ring);
        b2bua.ringFailed(callId, ring.agentId(), why);
    }

    void agentHungUp(AgentRing ring, boolean wasBridged) {
        if (wasBridged || ring == bridged) {
            end(true);
        }
        // answered but not bridged yet: bridge() will find the ring over and end the call
    }

    /** A bridged leg's peer stopped sending RTP for the inactivity timeout. */
    void mediaDead(RtpLeg dead) {
        if (phase == CallPhase.ENDED) {
            return;
        }
        log.info("call {}: no RTP on {} for the inactivity timeout; ending the call", callId, dead == leg ? "caller leg" : "agent leg");
        end(true);
    }

    // ---------------------------------------------------------------- ending

    /** We hang up on the caller. */
    void hangUp() {
        end(true);
    }

    /**
     * Ends the call once: BYE to the caller when {@code byeCaller}, every agent leg hung up or
     * cancelled, media closed, and the core told.
     */
    void end(boolean byeCaller) {
        if (phase == CallPhase.ENDED) {
            return;
        }
        boolean answered = dialog != null;
        phase(CallPhase.ENDED);
        if (byeCaller && answered) {
            b2bua.sip().bye(dialog);
        } else if (byeCaller) {
            b2bua.sip().answer(inviteTx, invite, Response.TEMPORARILY_UNAVAILABLE, toTag, null);
        }
        for (AgentRing r : rings.values()) {
            r.hangUp();
        }
        rings.clear();
        if (leg != null) {
            leg.close();
        }
        if (inCore) {
            inCore = false;
            b2bua.hangupInCore(callId);
        }
        b2bua.ended(this);
    }

    private static String userOf(Request r) {
        FromHeader from = (FromHeader) r.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return "";
    }

    static String body(byte[] raw) {
        return raw == null ? "" : new String(raw, StandardCharsets.US_ASCII);
    }

    static byte[] bytes(SessionDescription sdp) {
        return sdp.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return callId + "(" + phase + ")";
    }
}
