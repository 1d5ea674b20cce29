package gateway.call;

import gateway.leg.MediaLeg;
import gateway.leg.OutgoingLeg;
import gateway.media.LoopScheduler;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sip.SipReason;
import gateway.trunk.TrunkRoute;
import io.netty.channel.EventLoop;
import ivr.audio.Prompt;
import ivr.dtmf.KeySignal;
import ivr.play.Playout;
import ivr.time.Cancellable;
import ops.records.CallFacts.EndCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller transferred to an outside number: a {@link OutgoingLeg.Kind#TRANSFER} leg through the
 * trunk rings it while the caller hears hold music. An answer bridges the two (the leg moves to
 * the bridge); a refusal, or no answer in {@link #RING_MS}, hangs the caller up.
 */
final class TransferActivity implements Activity, OutgoingLeg.Owner {
    private static final Logger log = LoggerFactory.getLogger(TransferActivity.class);
    /** How long a transfer's outside number may ring before the caller is hung up on. */
    static final long RING_MS = 45_000;

    private final CallFlow call;
    private final CallServices services;
    private final EventLoop loop;
    private final String number;
    private final TrunkRoute trunk;
    private final Playout.Channel playout;
    private final LoopScheduler scheduler;
    private MediaLeg media;
    private OutgoingLeg leg;
    private Cancellable timer = Cancellable.NONE;
    private boolean stopped;

    TransferActivity(CallFlow call, CallServices services, EventLoop loop, String number, TrunkRoute trunk,
                     Playout.Channel playout, LoopScheduler scheduler) {
        this.call = call;
        this.services = services;
        this.loop = loop;
        this.number = number;
        this.trunk = trunk;
        this.playout = playout;
        this.scheduler = scheduler;
    }

    @Override
    public CallPhase phase() {
        return CallPhase.TRANSFER;
    }

    @Override
    public void start() {
        holdMusic(services.directory().ivr().sounds().holdMusic());
        MediaLeg.offering(services.legs(), loop, new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg l) {
                call.mediaDead(l);
            }
        }, new MediaLeg.Opened() {
            @Override
            public void opened(MediaLeg opened, byte[] offer) {
                if (stopped) {
                    opened.close();
                    return;
                }
                media = opened;
                ring(offer);
            }

            @Override
            public void failed(int status, String why) {
                log.warn("call {}: {} to transfer to {}", call.callId(), why, number);
                call.hangUp("transfer failed");
            }
        });
        timer = scheduler.schedule(RING_MS,
                () -> call.hangUp("transfer to " + number + " not answered in " + RING_MS + " ms"));
    }

    private void ring(byte[] offer) {
        leg = new OutgoingLeg(services.legs(), OutgoingLeg.Kind.TRANSFER, call.callId(), media, scheduler, this);
        if (!leg.invite(trunk, number, call.callerUser(), offer)) {
            finished(leg, javax.sip.message.Response.SERVICE_UNAVAILABLE);
        }
    }

    private void holdMusic(Prompt music) {
        playout.play(music, () -> holdMusic(music));
    }

    /** To the bridge the leg goes on; anywhere else it is hung up. */
    @Override
    public void stop(CallPhase next) {
        stopped = true;
        timer.cancel();
        if (next != CallPhase.BRIDGED) {
            hangUp("call over");
        }
    }

    private void hangUp(String reason) {
        if (leg != null) {
            leg.hangUp(reason);
        }
        if (media != null) {
            media.close();
        }
    }

    /** The bridge's other side: the answered outside number. */
    BridgeActivity.Peer peer() {
        return new BridgeActivity.Peer(media.rtp(), number, this::hangUp, leg::sendInfo);
    }

    @Override
    public void answered(OutgoingLeg answered) {
        log.info("call {}: transfer to {} answered", call.callId(), number);
        call.transferAnswered(this);
    }

    @Override
    public void finished(OutgoingLeg failed, int status) {
        call.hangUp("transfer to " + number + " failed with " + status);
    }

    @Override
    public void key(OutgoingLeg from, char key) {
        call.peerKey(media.rtp(), key, KeySignal.SIP_INFO);
    }

    @Override
    public void lost(OutgoingLeg gone, String why, SipReason reason) {
        call.lost(why, reason);
    }

    @Override
    public void hungUp(OutgoingLeg gone) {
        call.end(true, EndCause.AGENT_HUNG_UP, "transfer peer hung up");
    }
}
