package gateway.leg;

import gateway.media.LoopScheduler;
import gateway.rtp.RtpLeg;
import gateway.sip.SipReason;
import gateway.sip.registrar.Binding;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;

/**
 * The INVITEs one {@link AgentRing} forks to an agent's phones and device, all offering the ring's
 * one media leg: whether any may still answer, the status the ring fails with when none does, and
 * hanging them up. Runs on the call's loop.
 */
final class RingLegs {
    private final LegServices services;
    private final String callId;
    private final String callerUser;
    private final LoopScheduler scheduler;
    private final OutgoingLeg.Owner owner;
    private final List<OutgoingLeg> legs = new ArrayList<>(2);
    private MediaLeg media;
    private byte[] offer;
    private int lastFailure;

    /** @param owner hears every leg's answer and end */
    RingLegs(LegServices services, String callId, String callerUser, LoopScheduler scheduler,
             OutgoingLeg.Owner owner) {
        this.services = services;
        this.callId = callId;
        this.callerUser = callerUser;
        this.scheduler = scheduler;
        this.owner = owner;
    }

    /** The media leg every INVITE offers, once open, and our offer for it. */
    void offering(MediaLeg leg, byte[] sdp) {
        media = leg;
        offer = sdp;
    }

    RtpLeg rtp() {
        return media.rtp();
    }

    /** INVITEs a phone registered as {@code extension}. */
    void phone(Binding phone, String extension) {
        if (!add(OutgoingLeg.Kind.AGENT_PHONE).invite(phone.reachUri(), phone.transport(), phone.path(), callerUser,
                extension, offer)) {
            lastFailure = Response.SERVICE_UNAVAILABLE;
        }
    }

    /** INVITEs the agent's personal device through its trunk. */
    void device(AgentRoute route) {
        if (!add(OutgoingLeg.Kind.DEVICE).invite(route.trunk(), route.device(), callerUser, offer)) {
            lastFailure = Response.SERVICE_UNAVAILABLE;
        }
    }

    private OutgoingLeg add(OutgoingLeg.Kind kind) {
        OutgoingLeg leg = new OutgoingLeg(services, kind, callId, media, scheduler, owner);
        legs.add(leg);
        return leg;
    }

    /** A leg (or a phone that could not be woken) ended with {@code status}. */
    void failed(int status) {
        lastFailure = status;
    }

    /** Whether every INVITE sent is over: none may answer any more. */
    boolean allOver() {
        return legs.stream().allMatch(l -> l.state().over());
    }

    /** What the ring fails with once all are over: the last failure, or 480 when nothing failed. */
    int failure() {
        return lastFailure == 0 ? Response.TEMPORARILY_UNAVAILABLE : lastFailure;
    }

    /** Cancels or hangs up every leg but {@code kept} (null: all), with {@code sipReason} when set. */
    void hangUpAllBut(OutgoingLeg kept, String reason, SipReason sipReason) {
        for (OutgoingLeg leg : legs) {
            if (leg != kept) {
                leg.hangUp(reason, sipReason);
            }
        }
    }

    /** The ring is over: every leg hung up, the media leg closed. */
    void close(SipReason sipReason) {
        hangUpAllBut(null, "ring over", sipReason);
        if (media != null) {
            media.close();
        }
    }
}
