package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Forward;
import gateway.call.PhoneCalls.Caller;
import gateway.leg.AgentRoute;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, delayed offer out: through a trunk with {@code offer: delayed} our INVITE carries no
 * SDP, the far side offers in its 200, we answer in the ACK, and the call is bridged with audio
 * both ways; for an agent's personal device and for a transfer.
 */
class DelayedOfferOutTest {
    private static final Duration WAIT = CallRig.WAIT;

    /** A phone on the trunk's address standing in for the carrier; it only answers. */
    private static TestPhone carrier(String number) throws Exception {
        return TestPhone.builder(number).localAddress(CallRig.TRUNK_ADDRESS).domain(CallRig.DOMAIN).server(9).start();
    }

    /** A trunk caller dials 5000 and reaches {@code carrier}: audio both ways, then the caller hangs up. */
    private static void talkAndHangUp(CallRig rig, TestPhone carrier) throws Exception {
        Caller caller = PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
        answerWithOffer(rig, carrier).awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        PhoneCalls.hangUp(caller, carrier);
    }

    /** The carrier answers the offerless INVITE with its offer and sends audio to the answer in our ACK. */
    private static RtpPeer answerWithOffer(CallRig rig, TestPhone carrier) throws Exception {
        Incoming invite = carrier.awaitRequest(Request.INVITE, WAIT);
        assertEquals("", invite.body(), "a delayed offer: no SDP in the INVITE");
        invite.ringing();
        RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
        invite.answer(rtp.sdp(8, 0, 101));
        Incoming ack = carrier.awaitRequest(Request.ACK, WAIT);
        assertTrue(ack.body().contains("RTP/AVP 0 101"), "our answer in the ACK, PCMU first: " + ack.body());
        rtp.sendTo(ack.body(), 0, PhoneCalls.AGENT_AUDIO);
        return rtp;
    }

    @Test
    void aPersonalDeviceOnADelayedOfferTrunkIsBridgedWithAudioBothWays() throws Exception {
        TestPhone device = carrier("+15550100005");
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("erin", 1)));
        try (device; CallRig rig = CallRig.builder().queue(sales).number("5000", Destination.queue("sales"))
                .agent(new AgentRoute("erin", "1005", device.user(), Forward.ALWAYS, CallRig.delayedTrunkAt(device)))
                .start()) {
            talkAndHangUp(rig, device);
        }
    }

    @Test
    void aTransferToADelayedOfferTrunkIsBridgedWithAudioBothWays() throws Exception {
        TestPhone far = carrier("+15559999");
        try (far; CallRig rig = CallRig.builder().number("5000", Destination.transfer("+15559999"))
                .transferTrunk(CallRig.delayedTrunkAt(far)).start()) {
            talkAndHangUp(rig, far);
        }
    }
}
