package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.call.PhoneCalls.Caller;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, session timers (RFC 4028) on both sides of the B2BUA over real SIP: refreshes by
 * UPDATE and re-INVITE keep a bridged call up past its interval, a missed refresh ends it on both
 * sides with a Reason, 422 either way, and our own refreshes when we are the refresher. Intervals
 * are seconds here; time passes by RTP packets sent, never by sleeping.
 */
class SessionTimerTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String EXPIRED = "SIP;cause=408;text=\"Session timer expired\"";
    private static final String TIMER = "Supported: timer";
    /** 20 ms packets: half a second of audio. */
    private static final int HALF_SECOND = 25;

    private static CallRig start(int expires, int minSe) throws Exception {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1)))
                .withRingTimeoutMs(5_000);
        return CallRig.builder().queue(sales).agent("alice", "1001").number("5000", Destination.queue("sales"))
                .sessionTimers(expires, minSe).start();
    }

    /** A trunk caller dialling 5000 with {@code headers}; acked, sending audio. */
    private static Caller dial(CallRig rig, String transport, String... headers) throws Exception {
        TestPhone phone = rig.trunkPhone("+15550001", transport);
        RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
        Outgoing call = phone.invite("5000", rtp.sdp(0, 101), headers);
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        call.ack();
        rtp.sendTo(new String(ok.getRawContent()), 0, PhoneCalls.CALLER_AUDIO);
        return new Caller(phone, call, rtp);
    }

    private static String header(javax.sip.message.Message m, String name) {
        var h = m.getHeader(name);
        return h == null ? null : h.toString().substring(h.toString().indexOf(':') + 1).trim();
    }

    @Test
    void updateAndReinviteRefreshesKeepABridgedCallUpPastItsInterval() throws Exception {
        try (CallRig rig = start(4, 1)) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "TCP");
            Caller caller = dial(rig, "UDP", TIMER, "Session-Expires: 3;refresher=uac");
            assertEquals("3;refresher=uac", header(caller.call().transaction().getRequest(), "Session-Expires"));
            Incoming invite = alice.awaitRequest(Request.INVITE, WAIT);
            assertEquals("4", header(invite.request(), "Session-Expires"), "we ask our interval");
            assertEquals("1", header(invite.request(), "Min-SE"));
            invite.ringing();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            invite.respond(Response.OK, agentRtp.sdp(0, 101), "Session-Expires: 4;refresher=uas", "Require: timer");
            agentRtp.sendTo(invite.body(), 0, PhoneCalls.AGENT_AUDIO);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);

            for (int i = 0; i < 10; i++) { // five seconds: past both intervals
                caller.rtp().awaitSent(HALF_SECOND, WAIT);
                Response update = caller.call().update(null, "Session-Expires: 3;refresher=uac", TIMER).awaitFinal(WAIT);
                assertEquals(Response.OK, update.getStatusCode());
                assertEquals("3;refresher=uac", header(update, "Session-Expires"));
                Outgoing reinvite = invite.reInvite(agentRtp.sdp(0, 101), "Session-Expires: 4;refresher=uac", TIMER);
                assertEquals(Response.OK, reinvite.awaitFinal(WAIT).getStatusCode());
                reinvite.ack();
            }
            assertTrue(caller.phone().pendingRequests(Request.BYE).isEmpty(), "the caller is still up");
            assertTrue(alice.pendingRequests(Request.BYE).isEmpty(), "the agent is still up");
            agentRtp.clear();
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);
        }
    }

    @Test
    void aMissedRefreshEndsTheCallOnBothSidesWithAReason() throws Exception {
        try (CallRig rig = start(2, 1)) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, "TCP", TIMER, "Session-Expires: 2;refresher=uac");
            RtpPeer agentRtp = PhoneCalls.answer(alice.awaitRequest(Request.INVITE, WAIT), rig.rtp("127.0.0.1"), 0);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            Incoming callerBye = caller.phone().awaitRequest(Request.BYE, WAIT);
            assertEquals(EXPIRED, callerBye.header("Reason"), "caller's BYE");
            assertEquals(EXPIRED, alice.awaitRequest(Request.BYE, WAIT).header("Reason"), "agent's BYE");
            rig.awaitNothingLeaked();
        }
    }

    @Test
    void tooSmallIntervalsGet422BothWays() throws Exception {
        try (CallRig rig = start(20, 2)) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            TestPhone trunk = rig.trunkPhone("+15550001", "UDP");
            Response tooSmall = trunk.invite("5000", rig.rtp(CallRig.TRUNK_ADDRESS).sdp(0), TIMER, "Session-Expires: 1")
                    .awaitFinal(WAIT);
            assertEquals(422, tooSmall.getStatusCode());
            assertEquals("2", header(tooSmall, "Min-SE"));

            Caller caller = dial(rig, "UDP", TIMER);
            Incoming first = alice.awaitRequest(Request.INVITE, WAIT);
            assertEquals("20", header(first.request(), "Session-Expires"));
            first.respond(422, null, "Min-SE: 30");
            Incoming second = alice.awaitRequest(Request.INVITE, WAIT);
            assertEquals("30", header(second.request(), "Session-Expires"), "again with the 422's Min-SE");
            assertEquals("30", header(second.request(), "Min-SE"));
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            second.respond(Response.OK, agentRtp.sdp(0, 101), "Session-Expires: 30;refresher=uas");
            agentRtp.sendTo(second.body(), 0, PhoneCalls.AGENT_AUDIO);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);
        }
    }


    @Test
    void weRefreshWhenWeAreTheRefresher() throws Exception {
        try (CallRig rig = start(2, 1)) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "TCP");
            Caller caller = dial(rig, "UDP", TIMER, "Session-Expires: 2;refresher=uas", "Allow: INVITE",
                    "Allow: ACK", "Allow: BYE", "Allow: UPDATE");
            Incoming invite = alice.awaitRequest(Request.INVITE, WAIT);
            String ourOffer = invite.body();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            invite.respond(Response.OK, agentRtp.sdp(0, 101), "Session-Expires: 2;refresher=uac");
            agentRtp.sendTo(invite.body(), 0, PhoneCalls.AGENT_AUDIO);
            alice.awaitRequest(Request.ACK, WAIT);

            for (int i = 0; i < 2; i++) {
                Incoming update = caller.phone().awaitRequest(Request.UPDATE, WAIT);
                assertEquals("", update.body(), "the caller allows UPDATE: a refresh without SDP");
                assertEquals("2;refresher=uac", update.header("Session-Expires"));
                update.respond(Response.OK, null, "Session-Expires: 2;refresher=uac", "Require: timer");

                Incoming reinvite = alice.awaitRequest(Request.INVITE, WAIT);
                assertEquals(origin(ourOffer), origin(reinvite.body()), "our SDP again, its version unchanged");
                assertEquals("2;refresher=uac", reinvite.header("Session-Expires"));
                reinvite.respond(Response.OK, agentRtp.sdp(0, 101), "Session-Expires: 2;refresher=uac");
                alice.awaitRequest(Request.ACK, WAIT);
            }
            assertNull(caller.phone().pendingRequests(Request.BYE).stream().findFirst().orElse(null), "still up");
            caller.rtp().clear();
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);
        }
    }

    private static String origin(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("o=")).findFirst().orElse("no o= line in " + sdp);
    }
}
