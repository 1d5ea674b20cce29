package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.call.CallOutcome;
import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Forward;
import gateway.leg.AgentRoute;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * Races between an outgoing leg and the call over real SIP on loopback: an answer that crosses
 * our CANCEL (at the ring timeout, or after the caller left) is ACKed and hung up, and nothing of
 * the call is left behind. The far end is a {@link RawUa} standing in for an agent's device on
 * the trunk, since a SIP stack would not answer an INVITE it has seen cancelled.
 */
class LegRaceTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String TAG = "raw-ua-tag";

    /** Sales at 5000 with one agent, carol, whose calls all go to {@code device}; one unanswered ring pauses her. */
    private static CallRig carolOnDevice(RawUa device) throws Exception {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("carol", 1)))
                .withRingTimeoutMs(1_500).withAutoPauseAfter(1);
        return CallRig.builder().queue(sales).number("5000", Destination.queue("sales"))
                .agent(new AgentRoute("carol", "1003", "+15550100007", Forward.ALWAYS,
                        gateway.leg.TrunkRoute.early(new InetSocketAddress(CallRig.TRUNK_ADDRESS, device.port()))))
                .start();
    }

    /** A trunk caller dialling 5000, answered by the ACD. */
    private static Outgoing dial(CallRig rig) throws Exception {
        TestPhone phone = rig.trunkPhone("+15550001");
        Outgoing call = phone.invite("5000", rig.rtp(CallRig.TRUNK_ADDRESS).sdp(0, 101));
        assertEquals(Response.OK, call.awaitFinal(WAIT).getStatusCode());
        call.ack();
        return call;
    }

    /** The device's 200 OK was on the wire when our CANCEL came: both get answered 200. */
    private static void answerAcrossTheCancel(CallRig rig, RawUa device, RawUa.Message invite) throws Exception {
        RawUa.Message cancel = device.awaitRequest("CANCEL", invite, WAIT);
        device.respond(cancel, Response.OK, "OK", TAG, null);
        device.respond(invite, Response.OK, "OK", TAG, rig.rtp(CallRig.TRUNK_ADDRESS).sdp(0));
        device.awaitRequest("ACK", invite, WAIT);
        RawUa.Message bye = device.awaitRequest("BYE", invite, WAIT);
        device.respond(bye, Response.OK, "OK", TAG, null);
    }

    @Test
    void anAnswerCrossingOurCancelAtTheRingTimeoutIsAckedAndHungUp() throws Exception {
        try (RawUa device = new RawUa(CallRig.TRUNK_ADDRESS); CallRig rig = carolOnDevice(device)) {
            rig.awaitAgent("carol", CallRig.AgentIs.AVAILABLE);
            Outgoing caller = dial(rig);
            RawUa.Message invite = device.awaitRequest("INVITE", WAIT);
            device.respond(invite, Response.RINGING, "Ringing", TAG, null);

            answerAcrossTheCancel(rig, device, invite);
            AcdEvent.RingNoAnswer missed = rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> e.agentId().equals("carol"));
            assertEquals(RingEnd.TIMEOUT, missed.reason());
            rig.awaitAgent("carol", CallRig.AgentIs.PAUSED);

            assertEquals(Response.OK, caller.bye().awaitFinal(WAIT).getStatusCode());
            assertEquals(CallOutcome.ABANDONED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            rig.awaitNothingLeaked();
        }
    }

    @Test
    void anAnswerAfterTheCallerLeftIsAckedAndHungUpAndTheAgentIsFree() throws Exception {
        try (RawUa device = new RawUa(CallRig.TRUNK_ADDRESS); CallRig rig = carolOnDevice(device)) {
            rig.awaitAgent("carol", CallRig.AgentIs.AVAILABLE);
            Outgoing caller = dial(rig);
            RawUa.Message invite = device.awaitRequest("INVITE", WAIT);
            device.respond(invite, Response.RINGING, "Ringing", TAG, null);

            assertEquals(Response.OK, caller.bye().awaitFinal(WAIT).getStatusCode());
            answerAcrossTheCancel(rig, device, invite);
            assertEquals(CallOutcome.ABANDONED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            rig.awaitAgent("carol", CallRig.AgentIs.AVAILABLE);
            rig.awaitNothingLeaked();
        }
    }
}
