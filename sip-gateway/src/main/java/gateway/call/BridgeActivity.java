package gateway.call;

import gateway.media.LoopScheduler;
import gateway.rtp.RtpLeg;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import ivr.audio.Codec;
import ivr.record.AlignedRecording;
import ivr.record.CallRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller bridged to an agent (or to a transfer's outside number): RTP relayed between the
 * two legs, and the call recorded when its queue says so. Leaving the bridge finishes the
 * recording and hangs up the other side.
 */
final class BridgeActivity implements Activity {
    private static final Logger log = LoggerFactory.getLogger(BridgeActivity.class);

    /** The other side of the bridge. */
    interface Peer {
        RtpLeg rtp();

        /** The agent's id, or the outside number of a transfer. */
        String who();

        void hangUp(String reason);
    }

    private final CallServices services;
    private final String callId;
    private final RtpLeg caller;
    private final Peer peer;
    private final boolean heldByCore;
    private final boolean record;
    private final LoopScheduler scheduler;
    private AlignedRecording recording;
    private long recordingStartMs;

    /**
     * @param heldByCore an agent's bridge (the core holds the call), not a transfer's
     * @param record     whether to record: the queue's setting
     */
    BridgeActivity(CallServices services, String callId, RtpLeg caller, Peer peer, boolean heldByCore, boolean record,
                   LoopScheduler scheduler) {
        this.services = services;
        this.callId = callId;
        this.caller = caller;
        this.peer = peer;
        this.heldByCore = heldByCore;
        this.record = record;
        this.scheduler = scheduler;
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
        services.rtp().bridge(caller, peer.rtp());
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
    }

    @Override
    public void stop(CallPhase next) {
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
