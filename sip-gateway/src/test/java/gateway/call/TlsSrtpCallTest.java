package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import config.model.MediaSecurity;
import gateway.call.CallRig.AgentIs;
import gateway.leg.LegSecurity;
import gateway.srtp.SdesKey;
import gateway.testkit.TestCertificates;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import gov.nist.javax.sip.message.SIPMessage;
import ivr.audio.Codec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * TLS and SRTP together, as a mobile app uses them: an agent whose phone registered over TLS, with
 * {@code media: srtp}, is offered RTP/SAVP over the connection it registered on, answers with its
 * key, and talks with a plain-RTP caller; the phone decrypts what it hears, and the recording is in
 * clear. SRTP is agreed because the leg is on TLS, not by the tests' without-TLS switch.
 */
class TlsSrtpCallTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final double CALLER_HZ = 450;
    private static final double AGENT_HZ = 1250;

    @Test
    void anSrtpAgentOnTlsTalksSrtpOverItsConnectionWithAPlainCaller() throws Exception {
        assertNull(System.getProperty(LegSecurity.WITHOUT_TLS_PROPERTY), "SRTP must come from TLS here");
        TestCertificates.Pem cert = TestCertificates.create();
        try (CallRig rig = SrtpCallFlowTest.salesWith(MediaSecurity.SRTP).tls(cert.certificate(), cert.key()).start();
             TestPhone alice = TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                     .tls(cert.trustingContext()).server(rig.tlsPort()).start()) {
            assertEquals(200, alice.register(300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            TestPhone carrier = rig.trunkPhone("+15550001");
            RtpPeer callerRtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            Outgoing call = carrier.invite("5000", callerRtp.sdp(0, 101));
            Response ok = call.awaitFinal(WAIT);
            assertEquals(Response.OK, ok.getStatusCode());
            call.ack();
            callerRtp.sendToneTo(new String(ok.getRawContent(), StandardCharsets.US_ASCII), CALLER_HZ);

            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            assertEquals(rig.tlsPort(), ((SIPMessage) invite.request()).getRemotePort(), "over the phone's connection");
            String offer = invite.body();
            assertTrue(offer.contains("RTP/SAVP"), offer);
            SdesKey theirs = SrtpCallFlowTest.offeredKey(offer, 1);
            SdesKey ours = theirs.answered();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            agentRtp.srtp(ours, theirs);
            invite.ringing();
            invite.answer(SrtpCallFlowTest.srtpSdp(agentRtp, ours));
            agentRtp.sendToneTo(offer, AGENT_HZ);
            rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true);

            agentRtp.awaitFrame(SrtpCallFlowTest.tone(CALLER_HZ), Codec.PCMU, 10, WAIT);
            callerRtp.awaitFrame(SrtpCallFlowTest.tone(AGENT_HZ), Codec.PCMU, 10, WAIT);
            assertTrue(agentRtp.decrypted() > 0, "the phone authenticated and decrypted what it heard");
            agentRtp.awaitSent(50, WAIT);

            assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            StereoRecordings.assertCallerLeftAgentRight(rig.storage, call.callId(), CALLER_HZ, AGENT_HZ);
        }
    }
}
