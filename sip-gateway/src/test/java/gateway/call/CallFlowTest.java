package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Forward;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.leg.AgentRoute;
import gateway.sip.SipFuzz;
import gateway.sip.auth.FailureLimiter;
import gateway.testkit.Await;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.audio.G711;
import ivr.menu.Destination;
import ivr.testkit.ExpectedLog;
import java.time.Duration;
import java.util.List;
import javax.sip.TransactionState;
import javax.sip.address.SipURI;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** The call path over real SIP and RTP on loopback: caller -> queue -> agent, and its variants. */
class CallFlowTest {
    private static final byte CALLER_AUDIO = PhoneCalls.CALLER_AUDIO;
    private static final byte AGENT_AUDIO = PhoneCalls.AGENT_AUDIO;
    private static final Duration WAIT = CallRig.WAIT;

    private static QueueSpec sales(StrategyKind strategy, String... members) {
        return QueueSpec.of("sales", strategy, members(members))
                .withRingTimeoutMs(1_500);
    }

    private static List<acd.queue.MemberSpec> members(String... members) {
        return java.util.Arrays.stream(members).map(m -> {
            String[] p = m.split(":");
            return new acd.queue.MemberSpec(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1);
        }).toList();
    }

    /** A caller on the trunk dialling 5000, answered by the ACD, sending its audio. */
    private static Caller dial(CallRig rig, int... payloadTypes) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, payloadTypes);
    }

    /** Takes the INVITE at an agent phone, rings, answers from a new RTP peer sending agent audio. */
    private static RtpPeer answer(CallRig rig, Incoming invite, int payloadType) throws Exception {
        return PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), payloadType);
    }

    private static CallRig.Builder salesAt5000(QueueSpec queue) {
        return CallRig.builder().queue(queue).number("5000", Destination.queue("sales"));
    }

    @Test
    void callerIsQueuedRungThroughAndBridgedWithAudioBothWays() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, 0, 8, 101);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            assertTrue(invite.request().getHeader("From").toString().contains("+15550001"), "the agent sees who calls");
            RtpPeer agentRtp = answer(rig, invite, 0);

            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
            AcdEvent.CallAnswered answered = rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true);
            assertEquals("alice", answered.agentId());

            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            AcdEvent.CallEnded ended = rig.awaitEvent(AcdEvent.CallEnded.class, e -> true);
            assertEquals(CallOutcome.COMPLETED, ended.outcome());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
        }
    }

    @Test
    void aFuzzFloodLeavesCallsWorkingAndLeaksNothing() throws Exception {
        // the flood's bad credentials may get 127.0.0.1 blocked from auth: expected, so kept out of the log
        try (ExpectedLog blocked = ExpectedLog.of(FailureLimiter.class);
             CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start();
             SipFuzz fuzz = new SipFuzz(rig.sipPort())) {
            // registered first: a block would keep it from registering for 5 minutes
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            List<byte[]> corpus = fuzz.corpus();
            assertTrue(corpus.size() >= 1000, "corpus of " + corpus.size());
            fuzz.flood(corpus);

            Caller caller = dial(rig, 0, 101);
            RtpPeer agentRtp = answer(rig, alice.awaitRequest("INVITE", WAIT), 0);
            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());

            // dialogs of the flood's INVITEs end with their transactions (timer H/J: 32 s over UDP)
            rig.awaitNothingLeaked();
        }
    }

    @Test
    void agentOverTcpHangsUpAndTheCallerGetsBye() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "TCP");
            Caller caller = dial(rig, 0, 101);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = answer(rig, invite, 0);
            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);

            assertEquals(Response.OK, invite.bye().awaitFinal(WAIT).getStatusCode());
            caller.phone().awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @Test
    void pcmaCallerAndPcmuAgentAreTranscoded() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, 8, 101);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = answer(rig, invite, 0);
            RtpPeer.Packet heard = agentRtp.awaitAudio(G711.alawToUlaw(CALLER_AUDIO), WAIT);
            assertEquals(0, heard.payloadType(), "the agent gets PCMU");
            RtpPeer.Packet back = caller.rtp().awaitAudio(G711.ulawToAlaw(AGENT_AUDIO), WAIT);
            assertEquals(8, back.payloadType(), "the caller gets PCMA");
        }
    }

    @Test
    void ringTimeoutCancelsTheFirstAgentAndRingsTheNext() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice:1", "bob:2"))
                .agent("alice", "1001").agent("bob", "1002").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            Caller caller = dial(rig, 0, 101);
            alice.awaitRequest("INVITE", WAIT).ringing();
            alice.awaitRequest("CANCEL", WAIT);
            RtpPeer bobRtp = answer(rig, bob.awaitRequest("INVITE", WAIT), 0);
            bobRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
        }
    }

    @Test
    void busyAgentIsSkippedAtOnce() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice:1", "bob:2"))
                .agent("alice", "1001").agent("bob", "1002").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            dial(rig, 0, 101);
            alice.awaitRequest("INVITE", WAIT).respond(Response.BUSY_HERE);
            bob.awaitRequest("INVITE", WAIT);
            rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> e.agentId().equals("alice"));
        }
    }

    @Test
    void callerHangingUpWhileTheAgentRingsCancelsTheRing() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, 0, 101);
            alice.awaitRequest("INVITE", WAIT).ringing();
            caller.call().bye().awaitFinal(WAIT);
            alice.awaitRequest("CANCEL", WAIT);
            assertEquals(CallOutcome.ABANDONED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            rig.awaitNothingLeaked();
        }
    }

    @Test
    void ringAllWithTwoAnswersBridgesExactlyOne() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.RING_ALL, "alice", "bob"))
                .agent("alice", "1001").agent("bob", "1002").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            Caller caller = dial(rig, 0, 101);
            Incoming toAlice = alice.awaitRequest("INVITE", WAIT);
            Incoming toBob = bob.awaitRequest("INVITE", WAIT);
            // both 200s back to back: the first answer makes the core cancel the other ring, and a
            // CANCEL that reaches the phone before its 200 leaves turns that answer into a 487
            toAlice.ringing();
            toBob.ringing();
            RtpPeer aliceRtp = rig.rtp("127.0.0.1");
            RtpPeer bobRtp = rig.rtp("127.0.0.1");
            toAlice.answer(aliceRtp.sdp(0, 101));
            toBob.answer(bobRtp.sdp(0, 101));
            aliceRtp.sendTo(toAlice.body(), 0, AGENT_AUDIO);
            bobRtp.sendTo(toBob.body(), 0, AGENT_AUDIO);
            AcdEvent.CallAnswered winner = rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true);
            boolean aliceWon = winner.agentId().equals("alice");
            TestPhone loserPhone = aliceWon ? bob : alice;
            TestPhone winnerPhone = aliceWon ? alice : bob;
            RtpPeer winnerRtp = aliceWon ? aliceRtp : bobRtp;
            assertEquals(Response.OK, (aliceWon ? toAlice : toBob).finalStatus(), "the winner answered");
            awaitHungUpOrCancelled(loserPhone, aliceWon ? toBob : toAlice);
            winnerRtp.awaitAudio(CALLER_AUDIO, WAIT);
            String loser = aliceWon ? "bob" : "alice";
            rig.awaitAgent(loser, AgentIs.AVAILABLE);
            assertEquals(AgentState.ON_CALL, rig.agentState(winner.agentId()));

            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            winnerPhone.awaitRequest("BYE", WAIT);
            rig.awaitNothingLeaked();
        }
    }

    /**
     * The race above, the CANCEL first: alice answers, bob's phone gets the CANCEL while it still
     * rings and ends the INVITE with 487, so bob never answers and gets no BYE; he is free again
     * and nothing of his ring is left.
     */
    @Test
    void ringAllLoserCancelledBeforeItsAnswerIsFreeAgain() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.RING_ALL, "alice", "bob"))
                .agent("alice", "1001").agent("bob", "1002").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            Caller caller = dial(rig, 0, 101);
            Incoming toAlice = alice.awaitRequest("INVITE", WAIT);
            Incoming toBob = bob.awaitRequest("INVITE", WAIT);
            toBob.ringing();
            RtpPeer aliceRtp = answer(rig, toAlice, 0);
            assertEquals("alice", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());

            Await.until(toBob::cancelled, WAIT, () -> "bob's phone got no CANCEL: " + toBob.finalStatus());
            assertNull(toBob.answer(rig.rtp("127.0.0.1").sdp(0, 101)), "a phone no longer ringing cannot answer");
            awaitHungUpOrCancelled(bob, toBob);
            aliceRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
            rig.awaitAgent("bob", AgentIs.AVAILABLE);
            assertEquals(AgentState.ON_CALL, rig.agentState("alice"));

            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            assertTrue(bob.pendingRequests("BYE").isEmpty(), "bob never answered: nothing to hang up");
            rig.awaitNothingLeaked();
        }
    }

    /**
     * A ring the core cancelled ends at the phone one of two ways, by who was first: the phone's
     * 200 left before our CANCEL reached it (then we ACK that answer and hang it up with a BYE),
     * or the CANCEL came first (then the phone ended the INVITE with 487 and never answered, and
     * we must ACK the 487).
     */
    private static void awaitHungUpOrCancelled(TestPhone phone, Incoming invite) throws Exception {
        if (invite.cancelled()) {
            phone.awaitRequest("CANCEL", WAIT);
            Await.until(() -> invite.transaction().getState() == TransactionState.CONFIRMED
                            || invite.transaction().getState() == TransactionState.TERMINATED, WAIT,
                    () -> "the 487 at phone " + phone.user() + " is not ACKed: " + invite.transaction().getState());
        } else {
            assertEquals(Response.OK, invite.finalStatus(), "the phone answered");
            phone.awaitRequest("BYE", WAIT);
        }
    }

    @Test
    void holdAndUnholdByReInviteKeepTheBridge() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, 0, 101);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = answer(rig, invite, 0);
            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);

            String hold = caller.rtp().sdp(0, 101).replace("a=ptime:20", "a=ptime:20\r\na=sendonly");
            Outgoing reinvite = caller.call().reInvite(hold);
            Response held = reinvite.awaitFinal(WAIT);
            assertEquals(Response.OK, held.getStatusCode());
            assertTrue(new String(held.getRawContent()).contains("a=recvonly"), "we answer a hold with recvonly");
            reinvite.ack();

            Outgoing unhold = caller.call().reInvite(caller.rtp().sdp(0, 101));
            Response resumed = unhold.awaitFinal(WAIT);
            assertEquals(Response.OK, resumed.getStatusCode());
            unhold.ack();
            caller.rtp().clear();
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
            agentRtp.clear();
            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);
        }
    }

    @Test
    void silentMediaEndsTheCallOnBothSides() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001")
                .rtpInactivity(Duration.ofMillis(800)).start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, 0, 101);
            RtpPeer agentRtp = answer(rig, alice.awaitRequest("INVITE", WAIT), 0);
            agentRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().stopSending();
            agentRtp.stopSending();
            caller.phone().awaitRequest("BYE", WAIT);
            alice.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.MEDIA_TIMEOUT, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @Test
    void unknownNumberIsRefused() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone phone = rig.trunkPhone("+15550009");
            RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            assertEquals(Response.NOT_FOUND, phone.invite("4999", rtp.sdp(0)).awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void featureCodesToggleLoginAndPause() throws Exception {
        try (CallRig rig = salesAt5000(sales(StrategyKind.PRIORITY, "alice")).agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            RtpPeer rtp = rig.rtp("127.0.0.1");

            dialFeature(alice, rtp, FeatureCodes.LOGIN_TOGGLE);
            rig.awaitAgent("alice", AgentIs.LOGGED_OUT);
            assertEquals(200, alice.register(300).getStatusCode());
            assertEquals(AgentStatus.LOGGED_OUT, rig.agentView("alice").status(), "re-registering does not undo a logout");

            dialFeature(alice, rtp, FeatureCodes.LOGIN_TOGGLE);
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            dialFeature(alice, rtp, FeatureCodes.PAUSE_TOGGLE);
            rig.awaitAgent("alice", AgentIs.PAUSED);
            dialFeature(alice, rtp, FeatureCodes.PAUSE_TOGGLE);
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
        }
    }

    /** Dials a feature code: answered, a confirmation tone, then our BYE. */
    private static void dialFeature(TestPhone phone, RtpPeer rtp, String code) throws Exception {
        Outgoing call = phone.invite(code, rtp.sdp(0, 101));
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        call.ack();
        rtp.sendTo(new String(ok.getRawContent()), 0, (byte) 0x7F);
        RtpPeer.Packet tone = rtp.awaitAny(WAIT);
        assertNotEquals(0x7F, tone.payload()[0], "we hear the confirmation tone, not ourselves");
        phone.awaitRequest("BYE", WAIT);
        rtp.stopSending();
    }

    /** An agent's personal device: a phone on the trunk's address that only answers. */
    private static TestPhone devicePhone(String number) throws Exception {
        return TestPhone.builder(number).localAddress(CallRig.TRUNK_ADDRESS).domain(CallRig.DOMAIN).server(9).start();
    }

    /** Sales with one agent who forwards to {@code device} in {@code mode}. */
    private static CallRig forwarding(String agentId, String extension, Forward mode, TestPhone device) throws Exception {
        String number = device.user();
        return salesAt5000(sales(StrategyKind.PRIORITY, agentId))
                .agent(new AgentRoute(agentId, extension, number, mode, CallRig.trunkAt(device))).start();
    }

    @Test
    void forwardWhenOfflineRingsTheDeviceThroughTheTrunk() throws Exception {
        TestPhone device = devicePhone("+15550100003");
        try (device; CallRig rig = forwarding("carol", "1003", Forward.WHEN_OFFLINE, device)) {
            rig.awaitAgent("carol", AgentIs.AVAILABLE);
            Caller caller = dial(rig, 0, 101);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            assertEquals("+15550100003", ((SipURI) invite.request().getRequestURI()).getUser());
            RtpPeer deviceRtp = answer(rig, invite, 0);
            deviceRtp.awaitAudio(CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(AGENT_AUDIO, WAIT);
        }
    }

    @Test
    void forwardOnNoAnswerRingsTheDeviceAfterThePhones() throws Exception {
        TestPhone device = devicePhone("+15550100004");
        try (device; CallRig rig = forwarding("dave", "1004", Forward.ON_NO_ANSWER, device)) {
            TestPhone phone = rig.onlineAgent("dave", "1004", "UDP");
            dial(rig, 0, 101);
            phone.awaitRequest("INVITE", WAIT).ringing();
            phone.awaitRequest("CANCEL", WAIT);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            answer(rig, invite, 0).awaitAudio(CALLER_AUDIO, WAIT);
            assertEquals("dave", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());
        }
    }

    @Test
    void forwardAlwaysRingsOnlyTheDevice() throws Exception {
        TestPhone device = devicePhone("+15550100005");
        try (device; CallRig rig = forwarding("erin", "1005", Forward.ALWAYS, device)) {
            TestPhone phone = rig.onlineAgent("erin", "1005", "UDP");
            dial(rig, 0, 101);
            answer(rig, device.awaitRequest("INVITE", WAIT), 0).awaitAudio(CALLER_AUDIO, WAIT);
            assertTrue(phone.pendingRequests("INVITE").isEmpty(), "the desk phone is not rung");
        }
    }
}
