package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.build.IvrSpecs;
import gateway.call.PhoneCalls.Caller;
import gateway.testkit.Await;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.menu.Destination;
import ivr.queue.QueueAudio;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, in-dialog offers over real SIP and RTP: UPDATE (RFC 3311) with SDP treated as a
 * re-INVITE's offer (an agent's hold by UPDATE gives the caller the queue's hold music), without
 * SDP as a refresh, 491 while an offer of ours is unanswered and in an early dialog; an offerless
 * re-INVITE answered in the ACK, and ended with BYEs when the ACK brings no usable answer.
 */
class InDialogOffersTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final Prompt MUSIC = CallRig.tone("sales music", 600, 300);

    private static CallRig start() throws Exception {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1)))
                .withRingTimeoutMs(5_000);
        return CallRig.builder().queue(sales).agent("alice", "1001")
                .queueMedia("sales", new IvrSpecs.QueueMedia("Sales", new QueueAudio(null, MUSIC, null, null), false,
                        Destination.HANGUP))
                .number("5000", Destination.queue("sales")).start();
    }

    /** A trunk caller over {@code transport} bridged to alice, who answers over {@code transport} too. */
    private record Bridged(Caller caller, TestPhone alice, Incoming agentLeg, RtpPeer agentRtp) {
    }

    private static Bridged bridge(CallRig rig, String transport) throws Exception {
        TestPhone alice = rig.onlineAgent("alice", "1001", transport);
        Caller caller = PhoneCalls.dial(rig.trunkPhone("+15550001", transport), rig.rtp(CallRig.TRUNK_ADDRESS), "5000",
                WAIT, 0, 101);
        Incoming invite = alice.awaitRequest(Request.INVITE, WAIT);
        RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        return new Bridged(caller, alice, invite, agentRtp);
    }

    /** The 200 to an offerless re-INVITE: our offer, every codec we take. */
    private static Response ourOffer(Outgoing offerless) {
        Response ours = offerless.awaitFinal(WAIT);
        assertEquals(Response.OK, ours.getStatusCode());
        assertTrue(body(ours).contains("RTP/AVP 0 8 101"), "our offer in the 200: " + body(ours));
        return ours;
    }

    private static String body(Response r) {
        return r.getRawContent() == null ? "" : new String(r.getRawContent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anAgentsHoldByUpdatePlaysTheCallerHoldMusicUntilResumed(String transport) throws Exception {
        try (CallRig rig = start()) {
            Bridged call = bridge(rig, transport);
            String sendonly = call.agentRtp().sdp(0, 101).replace("a=ptime:20", "a=ptime:20\r\na=sendonly");
            Response held = call.agentLeg().update(sendonly).awaitFinal(WAIT);
            assertEquals(Response.OK, held.getStatusCode());
            assertTrue(body(held).contains("a=recvonly"), "the answer to a sendonly offer: " + body(held));
            call.caller().rtp().awaitFrame(MUSIC, Codec.PCMU, 0, WAIT);

            assertEquals(Response.OK, call.agentLeg().update(call.agentRtp().sdp(0, 101)).awaitFinal(WAIT).getStatusCode());
            call.caller().rtp().clear();
            call.caller().rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            PhoneCalls.hangUp(call.caller(), call.alice());
        }
    }

    @Test
    void anUpdateWithoutSdpRefreshesTheSession() throws Exception {
        try (CallRig rig = start()) {
            Bridged call = bridge(rig, "UDP");
            Response refreshed = call.caller().call().update(null).awaitFinal(WAIT);
            assertEquals(Response.OK, refreshed.getStatusCode());
            assertNull(refreshed.getRawContent(), "a refresh has no SDP");
            assertTrue(refreshed.getHeader("Session-Expires") != null, "the refresh restarts the session timer");
            PhoneCalls.hangUp(call.caller(), call.alice());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anOfferlessReinviteGetsOurOfferAndItsAckMovesTheMedia(String transport) throws Exception {
        try (CallRig rig = start()) {
            Bridged call = bridge(rig, transport);
            Outgoing caller = call.caller().call();
            Outgoing offerless = caller.reInviteWithoutOffer();
            Response ours = ourOffer(offerless);
            RtpPeer moved = rig.rtp(CallRig.TRUNK_ADDRESS);
            call.caller().rtp().stopSending(); // the phone moves: the old address falls silent
            offerless.ack(moved.sdp(0, 101));
            moved.sendTo(body(ours), 0, PhoneCalls.CALLER_AUDIO);
            moved.awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            call.agentRtp().clear();
            call.agentRtp().awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            PhoneCalls.hangUp(call.caller(), call.alice());
        }
    }

    @Test
    void anOfferWhileOursWaitsForItsAckGets491() throws Exception {
        try (CallRig rig = start()) {
            Bridged call = bridge(rig, "UDP");
            ourOffer(call.agentLeg().reInviteWithoutOffer());
            assertEquals(Response.REQUEST_PENDING, call.agentLeg().update(call.agentRtp().sdp(0, 101)).awaitFinal(WAIT)
                    .getStatusCode());
            PhoneCalls.hangUp(call.caller(), call.alice());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anOfferlessReinviteWhoseAckAnswersNothingEndsTheCallOnBothSides(String transport) throws Exception {
        try (CallRig rig = start()) {
            Bridged call = bridge(rig, transport);
            Outgoing offerless = call.agentLeg().reInviteWithoutOffer();
            ourOffer(offerless);
            offerless.ack(null);
            call.alice().awaitRequest(Request.BYE, WAIT);
            call.caller().phone().awaitRequest(Request.BYE, WAIT);
            rig.awaitNothingLeaked();
        }
    }

    @Test
    void whileTheAgentRingsAnUpdateRefreshesButAnOfferGets491() throws Exception {
        try (CallRig rig = start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "TCP");
            Caller caller = PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
            Incoming invite = alice.awaitRequest(Request.INVITE, WAIT);
            invite.ringing();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            // alice's UPDATE can overtake her 180 inside the server's stack (another reader thread), which
            // answers 481 until the 180 has made the early dialog: refresh until the dialog is there
            assertEquals(Response.OK, Await.value(() -> {
                int status = invite.update(null).awaitFinal(WAIT).getStatusCode();
                return status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST ? null : status;
            }, WAIT, () -> "the server never knew alice's early dialog"));
            assertEquals(Response.REQUEST_PENDING, invite.update(agentRtp.sdp(0, 101)).awaitFinal(WAIT).getStatusCode(),
                    "our INVITE's offer is still unanswered");
            PhoneCalls.answer(invite, agentRtp, 0);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);
        }
    }
}
