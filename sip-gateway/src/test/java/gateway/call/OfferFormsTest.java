package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.sip.OfferBody;
import gateway.testphone.BodyInvites;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.audio.G711;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form an offer comes in, over UDP and TCP: in the INVITE as a multipart body (SIP-I's SDP
 * + ISUP), delayed (no body: we offer in the 200, the answer comes in the ACK), an ACK without
 * an answer (the call ends with a BYE, nothing left), and a body we cannot use (415 + Accept).
 */
class OfferFormsTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String BOUNDARY = "unique-boundary-1";
    /** An ISUP IAM's first octets: binary, as a SIP-I trunk sends it. */
    private static final String ISUP = "\u0001\u0010\u0060\u0001\n\u0000\u0002\n\u0008\u0003\u0010\u0083\u0060\u0038";

    private static CallRig start() throws Exception {
        return CallRig.builder()
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1)))
                        .withRingTimeoutMs(1_500))
                .number("5000", Destination.queue("sales")).agent("alice", "1001").start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void delayedOfferCallerIsBridgedWithAudioBothWays(String transport) throws Exception {
        try (CallRig rig = start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", transport);
            TestPhone trunk = rig.trunkPhone("+15550001", transport);
            RtpPeer callerRtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            Outgoing call = trunk.invite("5000", null);
            String offer = answered(call);
            assertTrue(offer.contains("RTP/AVP 0 8 101"), offer);
            call.ack(callerRtp.sdp(8, 101));
            callerRtp.sendTo(offer, 8, PhoneCalls.CALLER_AUDIO);
            talkAndHangUp(rig, alice, call, callerRtp, 8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anAckWithoutAUsableAnswerEndsTheCallWithBye(String transport) throws Exception {
        try (CallRig rig = start()) {
            TestPhone trunk = rig.trunkPhone("+15550001", transport);
            String g729 = rig.rtp(CallRig.TRUNK_ADDRESS).sdp(0).replace("RTP/AVP 0", "RTP/AVP 18")
                    .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:18 G729/8000");
            for (String answer : new String[] {null, g729}) {
                Outgoing call = trunk.invite("5000", null);
                assertEquals(Response.OK, call.awaitFinal(WAIT).getStatusCode());
                call.ack(answer);
                trunk.awaitRequest("BYE", WAIT);
            }
            rig.awaitNothingLeaked();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void multipartCallerWithSdpAndIsupIsBridged(String transport) throws Exception {
        try (CallRig rig = start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", transport);
            TestPhone trunk = rig.trunkPhone("+15550001", transport);
            RtpPeer callerRtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            String body = "preamble to ignore\r\n--" + BOUNDARY + "\r\nContent-Type: application/sdp\r\n\r\n"
                    + callerRtp.sdp(0, 101) + "\r\n--" + BOUNDARY + "\r\n"
                    + "Content-Type: application/ISUP;version=itu-t92+\r\nContent-Disposition: signal;handling=optional\r\n\r\n"
                    + ISUP + "\r\n--" + BOUNDARY + "--\r\nepilogue\r\n";
            Outgoing call = BodyInvites.invite(trunk, "5000", "multipart/mixed;boundary=\"" + BOUNDARY + "\"", body);
            String answer = answered(call);
            call.ack();
            callerRtp.sendTo(answer, 0, PhoneCalls.CALLER_AUDIO);
            talkAndHangUp(rig, alice, call, callerRtp, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aTextBodyGets415WithAccept(String transport) throws Exception {
        try (CallRig rig = start()) {
            TestPhone trunk = rig.trunkPhone("+15550001", transport);
            Response r = BodyInvites.invite(trunk, "5000", "text/plain", "hello").awaitFinal(WAIT);
            assertEquals(Response.UNSUPPORTED_MEDIA_TYPE, r.getStatusCode());
            assertNotNull(r.getHeader("Accept"));
            String accept = acceptValues(r);
            assertTrue(accept.contains("application/sdp") && accept.contains("multipart/mixed")
                    && accept.contains("multipart/alternative"), accept);
            assertEquals(OfferBody.Kind.UNUSABLE, OfferBody.of("text/plain", "hello".getBytes()).kind());
            rig.awaitNothingLeaked();
        }
    }

    /** The 200 OK's SDP. */
    private static String answered(Outgoing call) {
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        return new String(ok.getRawContent());
    }

    private static String acceptValues(Response r) {
        StringBuilder all = new StringBuilder();
        r.getHeaders("Accept").forEachRemaining(h -> all.append(h).append(' '));
        return all.toString();
    }

    /**
     * The agent answers the ring; audio goes both ways (the caller's in {@code callerPt}); the
     * caller hangs up, the agent gets the BYE, and nothing of the call is left.
     */
    private static void talkAndHangUp(CallRig rig, TestPhone alice, Outgoing call, RtpPeer callerRtp, int callerPt)
            throws Exception {
        Incoming invite = alice.awaitRequest("INVITE", WAIT);
        RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
        agentRtp.awaitAudio(callerPt == 8 ? G711.alawToUlaw(PhoneCalls.CALLER_AUDIO) : PhoneCalls.CALLER_AUDIO, WAIT);
        callerRtp.awaitAudio(callerPt == 8 ? G711.ulawToAlaw(PhoneCalls.AGENT_AUDIO) : PhoneCalls.AGENT_AUDIO, WAIT);
        assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
        alice.awaitRequest("BYE", WAIT);
        assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        rig.awaitNothingLeaked();
    }
}
