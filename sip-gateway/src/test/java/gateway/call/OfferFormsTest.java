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
            Response ok = call.awaitFinal(WAIT);
            assertEquals(Response.OK, ok.getStatusCode());
            String offer = new String(ok.getRawContent());
            assertTrue(offer.contains("RTP/AVP 0 8 101"), offer);
            call.ack(callerRtp.sdp(8, 101));
            callerRtp.sendTo(offer, 8, PhoneCalls.CALLER_AUDIO);

            bridged(rig, alice, callerRtp, 8);
            assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            rig.awaitNothingLeaked();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anAckWithoutAnAnswerEndsTheCallWithBye(String transport) throws Exception {
        try (CallRig rig = start()) {
            TestPhone trunk = rig.trunkPhone("+15550001", transport);
            Outgoing call = trunk.invite("5000", null);
            assertEquals(Response.OK, call.awaitFinal(WAIT).getStatusCode());
            call.ack();
            trunk.awaitRequest("BYE", WAIT);
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
            Response ok = call.awaitFinal(WAIT);
            assertEquals(Response.OK, ok.getStatusCode());
            call.ack();
            callerRtp.sendTo(new String(ok.getRawContent()), 0, PhoneCalls.CALLER_AUDIO);

            bridged(rig, alice, callerRtp, 0);
            assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            rig.awaitNothingLeaked();
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

    private static String acceptValues(Response r) {
        StringBuilder all = new StringBuilder();
        r.getHeaders("Accept").forEachRemaining(h -> all.append(h).append(' '));
        return all.toString();
    }

    /** The agent answers the ring; audio goes both ways (the caller's in {@code callerPt}). */
    private static void bridged(CallRig rig, TestPhone alice, RtpPeer callerRtp, int callerPt) throws Exception {
        Incoming invite = alice.awaitRequest("INVITE", WAIT);
        RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
        agentRtp.awaitAudio(callerPt == 8 ? ivr.audio.G711.alawToUlaw(PhoneCalls.CALLER_AUDIO) : PhoneCalls.CALLER_AUDIO,
                WAIT);
        callerRtp.awaitAudio(callerPt == 8 ? ivr.audio.G711.ulawToAlaw(PhoneCalls.AGENT_AUDIO) : PhoneCalls.AGENT_AUDIO,
                WAIT);
    }
}
