package gateway.call;

import acd.call.CallOutcome;
import acd.call.RingEnd;
import config.build.IvrSpecs;
import config.model.Forward;
import gateway.media.LoopScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.dtmf.SipInfoDtmf;
import ivr.dtmf.TelephoneEventDecoder;
import ivr.menu.Destination;
import ivr.menu.IvrSession;
import ivr.play.Playout;
import ivr.queue.QueueAudio;
import ivr.queue.QueueAudioSession;
import ivr.queue.QueueStatus;
import ivr.record.AlignedRecording;
import ivr.record.CallRecorder;
import ivr.record.VoicemailBox;
import ivr.record.VoicemailSession;
import ivr.time.Cancellable;
import java.net.InetSocketAddress;
import java.time.Instant;
import javax.sip.header.ContentTypeHeader;
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
 * {@link B2bua}'s {@code CallControl}, and hears back through posted commands. What the caller
 * hears before a bridge (menus, queue audio, voicemail prompts, hold music during a transfer)
 * is played into the caller's leg through the loop's playout; at most one of those runs at a time.
 */
final class CallSession {
    private static final Logger log = LoggerFactory.getLogger(CallSession.class);
    /** How long a transfer's outside number may ring before the caller is hung up on. */
    static final long TRANSFER_RING_MS = 45_000;

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

    private final LoopScheduler scheduler;
    /** The caller's prompts; opened once the caller's media is agreed. */
    private Playout.Channel playout;
    private TelephoneEventDecoder keys;
    private IvrSession ivr;
    private QueueAudioSession queueAudio;
    /** The queue the call waits in, or was bridged from. */
    private String queueId;
    /** Where the queue sent callers on when this one joined it: still known if a reload removes the queue. */
    private Destination queueFallback = Destination.HANGUP;
    private VoicemailSession voicemail;
    private AgentRing transfer;
    private Cancellable transferTimer = Cancellable.NONE;
    private AlignedRecording recording;
    private long recordingStartMs;

    CallSession(B2bua b2bua, EventLoop loop, AdmittedInvite admitted) {
        this.b2bua = b2bua;
        this.loop = loop;
        this.inviteTx = admitted.transaction();
        this.invite = admitted.request();
        this.callId = B2bua.callIdOf(invite);
        this.callerUser = userOf(invite);
        this.scheduler = new LoopScheduler(loop);
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
    void start(Destination entry) {
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

            @Override
            public void onTelephoneEvent(RtpLeg l, int payloadType, long rtpTimestamp, ByteBuf payload) {
                callerTelephoneEvent(payloadType, rtpTimestamp, payload);
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
            playout = b2bua.media().playouts().channel(leg);
            leg.tap(this::callerAudio);
            goTo(entry);
        });
    }

    private void reject(int status) {
        if (phase == CallPhase.NEW) {
            b2bua.sip().answer(inviteTx, invite, status, toTag, null);
        }
        end(false);
    }

    /** Sends the caller on: a menu (the IVR), a queue, voicemail, a transfer, or hang-up. */
    void goTo(Destination next) {
        if (phase == CallPhase.ENDED) {
            return;
        }
        stopPrompts();
        if (next instanceof Destination.Menu) {
            phase(CallPhase.IVR);
            ivr = new IvrSession(b2bua.directory().ivr().menus(), playout, scheduler, this::goTo);
            ivr.start(next);
        } else if (next instanceof Destination.Queue q) {
            enqueue(q.queueId());
        } else if (next instanceof Destination.Voicemail v) {
            leaveMessage(v.voicemailId());
        } else if (next instanceof Destination.Transfer t) {
            transfer(t.number());
        } else {
            hangUp();
        }
    }

    private void enqueue(String queue) {
        phase(CallPhase.QUEUED);
        inCore = true;
        queueId = queue;
        queueFallback = b2bua.directory().ivr().queue(queue).map(IvrSpecs.QueueMedia::fallback).orElse(Destination.HANGUP);
        b2bua.enqueue(callId, queue);
        startQueueAudio(true);
    }

    /** The queue's audio from the start, or (after an answer the core did not take) from the music on. */
    private void startQueueAudio(boolean greeting) {
        IvrSpecs.QueueMedia media = b2bua.directory().ivr().queue(queueId).orElse(null);
        if (media == null) {
            return;
        }
        QueueAudio audio = media.audio();
        if (!greeting) {
            audio = new QueueAudio(null, audio.holdMusic(), audio.announceEvery(), audio.phrases());
        }
        QueueStatus status = answer -> b2bua.acd().place(callId)
                .thenAcceptAsync(p -> answer.place(p.position(), p.expectedWaitMs()), loop);
        queueAudio = new QueueAudioSession(audio, playout, scheduler, status);
        queueAudio.start();
    }

    private void leaveMessage(String box) {
        phase(CallPhase.VOICEMAIL);
        IvrSpecs ivrSpecs = b2bua.directory().ivr();
        String department = ivrSpecs.queue(box).map(IvrSpecs.QueueMedia::department).orElse(null);
        CallMedia media = b2bua.media();
        voicemail = new VoicemailSession(new VoicemailBox(box, b2bua.directory().voicemailDir(), null, department),
                new VoicemailSession.Caller(callId, callerUser, Instant.now()), ivrSpecs.sounds().voicemail(),
                ivrSpecs.sounds().beep(), playout, scheduler, media.writer(), media.zone(), reason -> hangUp());
        voicemail.start();
    }

    /** Rings {@code number} through the trunk; the caller hears hold music until it answers. */
    private void transfer(String number) {
        InetSocketAddress trunk = b2bua.directory().transferTrunk().orElse(null);
        if (trunk == null) {
            log.warn("call {}: transfer to {} needs a trunk, and none is configured; hanging up", callId, number);
            hangUp();
            return;
        }
        phase(CallPhase.TRANSFER);
        holdMusic(b2bua.directory().ivr().sounds().holdMusic());
        AgentRoute route = new AgentRoute("transfer:" + number, null, number, Forward.ALWAYS, trunk);
        transfer = new AgentRing(this, b2bua, route.agentId(), route, TRANSFER_RING_MS);
        transfer.start();
        transferTimer = scheduler.schedule(TRANSFER_RING_MS, () -> {
            log.info("call {}: transfer to {} not answered in {} ms; hanging up", callId, number, TRANSFER_RING_MS);
            hangUp();
        });
    }

    private void holdMusic(Prompt music) {
        playout.play(music, () -> holdMusic(music));
    }

    /** Silences whatever the caller hears from us: menu, queue audio, hold music. */
    private void stopPrompts() {
        if (ivr != null) {
            ivr.hangup();
            ivr = null;
        }
        if (queueAudio != null) {
            queueAudio.stop();
            queueAudio = null;
        }
        if (playout != null) {
            playout.stop();
        }
    }

    // ---------------------------------------------------------------- keys and audio from the caller

    private void callerTelephoneEvent(int pt, long rtpTimestamp, ByteBuf payload) {
        if (pt < 96 || pt > 127) {
            return;
        }
        if (keys == null || keys.payloadType() != pt) {
            keys = new TelephoneEventDecoder(pt, this::onKey);
        }
        byte[] bytes = ByteBufUtil.getBytes(payload);
        keys.onPacket((int) rtpTimestamp, bytes, 0, bytes.length);
    }

    /** A key from RFC 4733 or SIP INFO: the menu or the voicemail takes it; in a queue or a bridge it is ignored. */
    void onKey(char key) {
        log.debug("call {}: key {}", callId, key);
        if (ivr != null) {
            ivr.onKey(key);
        } else if (voicemail != null) {
            voicemail.onKey(key);
        }
    }

    private void callerAudio(RtpLeg l, Codec codec, ByteBuf payload, long rtpTimestamp) {
        if (voicemail == null && recording == null) {
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(payload);
        Codec c = Codec.forPayloadType(codec.payloadType());
        if (voicemail != null) {
            voicemail.onAudio((int) rtpTimestamp, c, bytes, 0, bytes.length);
        }
        record(AlignedRecording.CALLER, c, bytes, rtpTimestamp);
    }

    private void agentAudio(RtpLeg l, Codec codec, ByteBuf payload, long rtpTimestamp) {
        if (recording != null) {
            byte[] bytes = ByteBufUtil.getBytes(payload);
            record(AlignedRecording.AGENT, Codec.forPayloadType(codec.payloadType()), bytes, rtpTimestamp);
        }
    }

    private void record(int side, Codec codec, byte[] bytes, long rtpTimestamp) {
        if (recording != null) {
            recording.rtp(side, scheduler.nowMs() - recordingStartMs, (int) rtpTimestamp, codec, bytes, 0, bytes.length);
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

    /** SIP INFO: a DTMF key ({@code application/dtmf-relay} or {@code application/dtmf}), or an empty keep-alive. */
    void callerInfo(ServerTransaction st, Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        byte[] raw = info.getRawContent();
        if (raw == null || raw.length == 0) {
            b2bua.sip().reply(st, info, Response.OK);
            return;
        }
        String contentType = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
        if (!SipInfoDtmf.isDtmf(contentType)) {
            b2bua.sip().reply(st, info, Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        char key = SipInfoDtmf.parse(contentType, new String(raw, StandardCharsets.UTF_8));
        b2bua.sip().reply(st, info, key == 0 ? Response.BAD_REQUEST : Response.OK);
        if (key != 0) {
            onKey(key);
        }
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
            boolean answered = ring.state() == AgentRing.State.ANSWERED;
            ring.cancel();
            if (answered && phase == CallPhase.QUEUED && queueAudio == null) {
                // the answer stopped the music, but the core gave the call to no one: still waiting
                startQueueAudio(false);
            }
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
        stopPrompts();
        phase(CallPhase.BRIDGED);
        bridged = ring;
        ring.bridged();
        if (b2bua.directory().ivr().queue(queueId).map(IvrSpecs.QueueMedia::record).orElse(false)) {
            startRecording(ring);
        }
        b2bua.rtp().bridge(leg, ring.leg());
    }

    /** Caller left, agent right, from the audio each side sends; finished when the call ends. */
    private void startRecording(AgentRing ring) {
        CallMedia media = b2bua.media();
        recording = new CallRecorder(media.writer(), b2bua.directory().recordingsDir(), media.zone())
                .start(callId, Instant.now());
        recordingStartMs = scheduler.nowMs();
        ring.leg().tap(this::agentAudio);
        log.info("call {}: recording to {}", callId, recording.file());
    }

    /** The core let the caller go without an agent: on to the queue's fallback (hang-up for an unknown queue). */
    void leaveQueue(String leftQueue, CallOutcome outcome) {
        inCore = false;
        for (AgentRing r : List.copyOf(rings.values())) {
            r.cancel();
        }
        rings.clear();
        Destination next = outcome == CallOutcome.UNKNOWN_QUEUE ? Destination.HANGUP
                : b2bua.directory().ivr().queue(leftQueue).map(IvrSpecs.QueueMedia::fallback)
                        .orElse(leftQueue.equals(queueId) ? queueFallback : Destination.HANGUP);
        goTo(next);
    }

    // ---------------------------------------------------------------- from agent rings

    void agentAnswered(AgentRing ring) {
        if (ring == transfer) {
            transferTimer.cancel();
            stopPrompts();
            phase(CallPhase.BRIDGED);
            bridged = ring;
            ring.bridged();
            b2bua.rtp().bridge(leg, ring.leg());
            return;
        }
        // silence at once, not after the core's round trip: the agent must not hear a prompt
        stopPrompts();
        b2bua.answered(callId, ring.agentId());
    }

    void agentRingFailed(AgentRing ring, RingEnd why) {
        if (ring == transfer) {
            log.info("call {}: transfer failed ({}); hanging up", callId, why);
            hangUp();
            return;
        }
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
        stopPrompts();
        transferTimer.cancel();
        if (transfer != null) {
            transfer.hangUp();
        }
        if (voicemail != null) {
            voicemail.hangup();
        }
        if (recording != null) {
            recording.finish();
            recording = null;
        }
        if (playout != null) {
            playout.close();
        }
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
