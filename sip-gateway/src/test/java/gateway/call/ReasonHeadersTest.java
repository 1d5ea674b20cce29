package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.call.PhoneCalls.Caller;
import gateway.sip.SipRequestRouter;
import gateway.testkit.Await;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.AllowHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * What our CANCELs, BYEs and 2xx say over real SIP: Reason (RFC 3326) on the CANCEL to the phone
 * that lost to another answer and on the BYEs of a call we end, none on a plain ring timeout;
 * Allow and Supported on the 200 to the caller's INVITE.
 */
class ReasonHeadersTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String ELSEWHERE = "SIP;cause=200;text=\"Call completed elsewhere\"";

    private static CallRig.Builder sales(StrategyKind strategy, String... members) {
        List<MemberSpec> specs = java.util.Arrays.stream(members).map(m -> new MemberSpec(m, 1)).toList();
        return CallRig.builder().queue(QueueSpec.of("sales", strategy, specs).withRingTimeoutMs(1_500))
                .number("5000", Destination.queue("sales"));
    }

    /** The trunk caller dials 5000; the 200 it got is checked for Allow and Supported. */
    private static Caller dial(CallRig rig) throws Exception {
        RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
        TestPhone phone = rig.trunkPhone("+15550001");
        Outgoing call = phone.invite("5000", rtp.sdp(0, 101));
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals(SipRequestRouter.ALLOW, allowed(ok), "Allow on the 200 to INVITE");
        SupportedHeader supported = (SupportedHeader) ok.getHeader(SupportedHeader.NAME);
        assertTrue(supported != null && "timer".equals(supported.getOptionTag()), "Supported: timer on the 200 to INVITE: "
                + supported);
        call.ack();
        rtp.sendTo(new String(ok.getRawContent()), 0, PhoneCalls.CALLER_AUDIO);
        return new Caller(phone, call, rtp);
    }

    private static List<String> allowed(Response r) {
        List<String> methods = new ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(AllowHeader.NAME); it.hasNext(); ) {
            for (String m : ((AllowHeader) it.next()).getMethod().split(",")) {
                methods.add(m.trim());
            }
        }
        return methods;
    }

    private static String reason(Incoming request) {
        var h = request.request().getHeader("Reason");
        return h == null ? null : h.toString().substring("Reason:".length()).trim();
    }

    @Test
    void theRingAllLoserGetsCancelWithCallCompletedElsewhere() throws Exception {
        try (CallRig rig = sales(StrategyKind.RING_ALL, "alice", "bob").agent("alice", "1001").agent("bob", "1002")
                .start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone bob = rig.onlineAgent("bob", "1002", "TCP");
            dial(rig);
            Incoming toAlice = alice.awaitRequest(Request.INVITE, WAIT);
            Incoming toBob = bob.awaitRequest(Request.INVITE, WAIT);
            toBob.ringing();
            PhoneCalls.answer(toAlice, rig.rtp("127.0.0.1"), 0);
            assertEquals("alice", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());
            assertEquals(ELSEWHERE, reason(bob.awaitRequest(Request.CANCEL, WAIT)));
        }
    }

    @Test
    void theAgentsOtherPhoneGetsCancelWithCallCompletedElsewhere() throws Exception {
        try (CallRig rig = sales(StrategyKind.PRIORITY, "alice").agent("alice", "1001").start()) {
            TestPhone desk = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone mobile = rig.agentPhone("1001", "TCP");
            dial(rig);
            Incoming toDesk = desk.awaitRequest(Request.INVITE, WAIT);
            Incoming toMobile = mobile.awaitRequest(Request.INVITE, WAIT);
            toMobile.ringing();
            PhoneCalls.answer(toDesk, rig.rtp("127.0.0.1"), 0);
            assertEquals(ELSEWHERE, reason(mobile.awaitRequest(Request.CANCEL, WAIT)));
        }
    }

    @Test
    void aRingTimeoutCancelsWithoutReason() throws Exception {
        try (CallRig rig = sales(StrategyKind.PRIORITY, "alice").agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            dial(rig);
            alice.awaitRequest(Request.INVITE, WAIT).ringing();
            assertNull(reason(alice.awaitRequest(Request.CANCEL, WAIT)), "the agent missed this call");
        }
    }

    @Test
    void theMediaTimeoutByesSayRtpTimeout() throws Exception {
        try (CallRig rig = sales(StrategyKind.PRIORITY, "alice").agent("alice", "1001")
                .rtpInactivity(Duration.ofMillis(800)).start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig);
            RtpPeer agentRtp = PhoneCalls.answer(alice.awaitRequest(Request.INVITE, WAIT), rig.rtp("127.0.0.1"), 0);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().stopSending();
            agentRtp.stopSending();
            String timeout = "SIP;cause=408;text=\"RTP timeout\"";
            assertEquals(timeout, reason(caller.phone().awaitRequest(Request.BYE, WAIT)), "caller's BYE");
            assertEquals(timeout, reason(alice.awaitRequest(Request.BYE, WAIT)), "agent's BYE");
        }
    }

    @Test
    void anAdminHangUpByesSayWhy() throws Exception {
        try (CallRig rig = sales(StrategyKind.PRIORITY, "alice").agent("alice", "1001").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "TCP");
            Caller caller = dial(rig);
            RtpPeer agentRtp = PhoneCalls.answer(alice.awaitRequest(Request.INVITE, WAIT), rig.rtp("127.0.0.1"), 0);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            Outgoing refresh = caller.call().reInvite(caller.rtp().sdp(0, 101));
            Response reOk = refresh.awaitFinal(WAIT);
            assertEquals(Response.OK, reOk.getStatusCode());
            assertEquals(SipRequestRouter.ALLOW, allowed(reOk), "Allow on the 200 to a re-INVITE");
            assertTrue(reOk.getHeader(SupportedHeader.NAME) != null, "Supported on the 200 to a re-INVITE");
            refresh.ack();
            String callId = rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).callId();
            Await.until(() -> rig.gateway.b2bua().liveCall(callId).isPresent(), WAIT, () -> "no call " + callId);
            assertTrue(rig.gateway.b2bua().hangUp(callId));
            String admin = "SIP;cause=200;text=\"Hung up by an administrator\"";
            assertEquals(admin, reason(caller.phone().awaitRequest(Request.BYE, WAIT)), "caller's BYE");
            assertEquals(admin, reason(alice.awaitRequest(Request.BYE, WAIT)), "agent's BYE");
        }
    }
}
