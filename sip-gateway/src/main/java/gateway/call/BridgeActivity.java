package gateway.call;

import config.build.IvrSpecs;
import gateway.media.LoopScheduler;
import gateway.rtp.RtpLeg;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.dtmf.KeySignal;
import ivr.play.Playout;
import ivr.record.AlignedRecording;
import ivr.record.CallRecorder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller bridged to an agent (or to a transfer's outside number): RTP relayed between the
 * two legs, and the call recorded when its queue says so. Leaving the bridge finishes the
 * recording and hangs up the other side.
 */
final class BridgeActivity implements Activity {
    private static final Logger log = LoggerFactory.getLogger(BridgeActivity.class);

    /** Sends a key by SIP INFO in one side's dialog; false when it could not. */
    @FunctionalInterface
    interface InfoSender {
        boolean sendInfo(char key, int durationMs);
    }

    /**
     * The other side of the bridge, and its dialog for keys by INFO.
     *
     * @param who      the agent's id, or the outside number of a transfer
     * @param hangUpBy hangs that side up, with the reason for the log
     */
    record Peer(RtpLeg rtp, String who, Consumer<String> hangUpBy, InfoSender info) implements InfoSender {
        void hangUp(String reason) {
            hangUpBy.accept(reason);
        }

        @Override
        public boolean sendInfo(char key, int durationMs) {
            return info.sendInfo(key, durationMs);
        }
    }

    /** How long a key we originate is held, as RFC 4733 event or INFO Duration: a brisk press. */
    static final int KEY_MS = 160;

    private final CallServices services;
    private final String callId;
    private final RtpLeg caller;
    private final InfoSender callerInfo;
    private final Peer peer;
    private final boolean heldByCore;
    private final boolean record;
    private final LoopScheduler scheduler;
    private final Hold hold;
    private boolean held;
    private AlignedRecording recording;
    private long recordingStartMs;

    /**
     * What the caller hears while the other side holds them: {@code music} looped on the caller's
     * {@code playout}, whose silence filler is off while the bridge relays.
     */
    record Hold(Playout.Channel playout, Prompt music) {
        /** The queue's hold music, or (no queue, or none set) the shared default. */
        static Hold of(CallServices services, Playout.Channel playout, String queueId) {
            IvrSpecs ivr = services.directory().ivr();
            Prompt music = queueId == null ? null
                    : ivr.queue(queueId).map(q -> q.audio().holdMusic()).orElse(null);
            return new Hold(playout, music != null ? music : ivr.sounds().holdMusic());
        }
    }

    /**
     * @param heldByCore an agent's bridge (the core holds the call), not a transfer's
     * @param record     whether to record: the queue's setting
     */
    BridgeActivity(CallServices services, String callId, RtpLeg caller, InfoSender callerInfo, Peer peer,
                   boolean heldByCore, boolean record, LoopScheduler scheduler, Hold hold) {
        this.services = services;
        this.callId = callId;
        this.caller = caller;
        this.callerInfo = callerInfo;
        this.peer = peer;
        this.heldByCore = heldByCore;
        this.record = record;
        this.scheduler = scheduler;
        this.hold = hold;
    }

    @Override
    public CallPhase phase() {
        return CallPhase.BRIDGED;
    }

    /** The agent bridged to, or null for a transfer's outside number. */
    String agentId() {
        return heldByCore ? peer.who() : null;
    }

    @Override
    public void start() {
        if (record) {
            startRecording();
        }
        hold.playout().fill(false);
        services.rtp().bridge(caller, peer.rtp());
        peer.rtp().watchMedia(this::peerMedia);
        peer.rtp().listenForKeys(this::peerKey);
        peerMedia(peer.rtp());
    }

    /** A key from the caller: on to the other side in the form it negotiated. */
    @Override
    public void onKey(char key, KeySignal how) {
        relay(key, how, peer.rtp(), peer);
    }

    /** A key from the other side, by its RTP or its INFO: on to the caller. */
    void peerKey(RtpLeg from, char key, KeySignal how) {
        if (from == peer.rtp()) {
            relay(key, how, caller, callerInfo);
        }
    }

    /**
     * RFC 4733 to a side that has telephone-event went through the relay already, under that
     * side's payload type; an in-band tone reaches a side without it in the audio itself. What is
     * left: INFO or in-band to telephone-event becomes RFC 4733 in that side's stream, and INFO or
     * RFC 4733 to a side without telephone-event becomes INFO. On hold nothing is relayed.
     */
    private void relay(char key, KeySignal how, RtpLeg to, InfoSender info) {
        if (held || to.state() != RtpLeg.State.OPEN || to.media() == null) {
            return;
        }
        boolean sent = true;
        if (to.media().hasTelephoneEvent()) {
            sent = how == KeySignal.RFC4733 || to.sendKey(key, KEY_MS);
        } else if (how != KeySignal.INBAND) {
            sent = info.sendInfo(key, KEY_MS);
        }
        if (!sent) {
            log.debug("call {}: a key by {} could not be passed on", callId, how);
        }
    }

    /**
     * The other side's media changed by re-INVITE: on hold (sendonly, inactive, no address) the
     * relay stops and the caller hears the hold music; off hold the relay takes over again. The
     * caller's leg keeps one RTP stream through both.
     */
    private void peerMedia(RtpLeg peerLeg) {
        boolean onHold = peerLeg.media() != null && peerLeg.media().onHold();
        if (onHold == held || caller.state() != RtpLeg.State.OPEN || peerLeg.state() != RtpLeg.State.OPEN) {
            return;
        }
        held = onHold;
        if (onHold) {
            log.info("call {}: {} holds the caller, hold music {}", callId, peer.who(), hold.music());
            services.rtp().unbridge(caller);
            playMusic();
        } else {
            log.info("call {}: {} takes the caller off hold", callId, peer.who());
            hold.playout().stop();
            services.rtp().bridge(caller, peerLeg);
        }
    }

    private void playMusic() {
        if (held) {
            hold.playout().play(hold.music(), this::playMusic);
        }
    }

    /** Caller left, agent right, from the audio each side sends; finished when the bridge ends. */
    private void startRecording() {
        CallMedia media = services.media();
        recording = new CallRecorder(media.writer(), services.directory().recordingsDir(), media.zone())
                .start(callId, services.clock().instant());
        recordingStartMs = scheduler.nowMs();
        peer.rtp().tap(this::peerAudio);
        log.info("call {}: recording to {}", callId, recording.file());
        services.facts().recording(callId, services.clock().millis(), recording.file());
        services.meters().recordingWritten();
    }

    @Override
    public void stop(CallPhase next) {
        if (peer.rtp().state() == RtpLeg.State.OPEN) {
            peer.rtp().watchMedia(null);
            peer.rtp().listenForKeys(null);
        }
        if (held) {
            held = false;
            hold.playout().stop();
        }
        if (recording != null) {
            recording.finish();
            recording = null;
        }
        peer.hangUp("call over");
    }

    @Override
    public boolean heldByCore() {
        return heldByCore;
    }

    @Override
    public boolean hearsCaller() {
        return recording != null;
    }

    @Override
    public void callerAudio(Codec codec, byte[] bytes, long rtpTimestamp) {
        record(AlignedRecording.CALLER, codec, bytes, rtpTimestamp);
    }

    private void peerAudio(RtpLeg l, Codec codec, ByteBuf payload, long rtpTimestamp) {
        if (recording != null) {
            byte[] bytes = ByteBufUtil.getBytes(payload);
            record(AlignedRecording.AGENT, codec, bytes, rtpTimestamp);
        }
    }

    private void record(int side, Codec codec, byte[] bytes, long rtpTimestamp) {
        if (recording != null) {
            recording.rtp(side, scheduler.nowMs() - recordingStartMs, (int) rtpTimestamp, codec, bytes, 0, bytes.length);
        }
    }
}
