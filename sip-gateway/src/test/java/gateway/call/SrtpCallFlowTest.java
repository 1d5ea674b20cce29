package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.build.IvrSpecs;
import config.model.Forward;
import config.model.MediaSecurity;
import gateway.leg.AgentRing;
import gateway.leg.AgentRoute;
import gateway.srtp.SdesKey;
import gateway.testkit.TestCertificates;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import ivr.audio.ToneGenerator;
import ivr.menu.Destination;
import ivr.queue.Phrases;
import ivr.queue.QueueAudio;
import ivr.testkit.ExpectedLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SRTP with SDES between test phones: an SRTP agent on TLS bridged to a plain-RTP caller (both
 * ways, decrypted at the agent's phone, recorded in clear), and the {@code media} setting and the
 * TLS rule refusing what they do not take.
 */
class SrtpCallFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final double CALLER_HZ = 450;
    private static final double AGENT_HZ = 1250;

    @TempDir
    Path dir;

    /** Alice (1001) in sales at 5000 with recording, with {@code aliceMedia}; SIP over TLS too. */
    private CallRig.Builder salesWith(MediaSecurity aliceMedia) throws Exception {
        Phrases phrases = Phrases.load(CallRig.SOUNDS, new PromptCache());
        Prompt music = CallRig.tone("music", 600, 300);
        return CallRig.builder()
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))))
                .agent(new AgentRoute("alice", "1001", null, Forward.NEVER, null, aliceMedia))
                .number("5000", Destination.queue("sales"))
                .queueMedia("sales", new IvrSpecs.QueueMedia("Sales",
                        new QueueAudio(music, music, Duration.ofSeconds(1), phrases), true, Destination.HANGUP))
                .tls(cert.certificate(), cert.key());
    }

    private TestCertificates.Pem cert;

    @BeforeEach
    void certificate() throws Exception {
        cert = TestCertificates.write(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }

    /** Alice's phone registered over TLS, once the core has her available; the caller closes it. */
    private TestPhone aliceOnTls(CallRig rig) throws Exception {
        TestPhone phone = TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                .tls(cert.trustingContext()).server(rig.tlsPort()).start();
        assertEquals(Response.OK, phone.register(300).getStatusCode());
        rig.awaitAgent("alice", CallRig.AgentIs.AVAILABLE);
        return phone;
    }

    @Test
    void anSrtpAgentOnTlsIsBridgedToAPlainCallerBothWaysAndTheRecordingHasBothInClear() throws Exception {
        try (CallRig rig = salesWith(MediaSecurity.SRTP).start();
             TestPhone alice = aliceOnTls(rig)) {
            TestPhone carrier = rig.trunkPhone("+15550001");
            RtpPeer callerRtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            Outgoing call = carrier.invite("5000", callerRtp.sdp(0, 101));
            Response ok = call.awaitFinal(WAIT);
            assertEquals(Response.OK, ok.getStatusCode());
            assertTrue(!new String(ok.getRawContent(), StandardCharsets.US_ASCII).contains("a=crypto"), "plain caller");
            call.ack();
            callerRtp.sendToneTo(new String(ok.getRawContent(), StandardCharsets.US_ASCII), CALLER_HZ);

            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            String offer = invite.body();
            assertTrue(offer.contains("RTP/SAVP"), offer);
            SdesKey theirs = offeredKey(offer, 1);
            SdesKey ours = theirs.answered();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            agentRtp.srtp(ours, theirs);
            invite.ringing();
            invite.answer(srtpSdp(agentRtp, ours));
            agentRtp.sendToneTo(offer, AGENT_HZ);
            rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true);

            agentRtp.awaitFrame(tone(CALLER_HZ), Codec.PCMU, 10, WAIT);
            callerRtp.awaitFrame(tone(AGENT_HZ), Codec.PCMU, 10, WAIT);
            assertTrue(agentRtp.decrypted() > 0, "the agent's phone authenticated and decrypted what it heard");
            agentRtp.awaitSent(50, WAIT);

            assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            StereoRecordings.assertCallerLeftAgentRight(rig.storage, call.callId(), CALLER_HZ, AGENT_HZ);
        }
    }

    @Test
    void anSrtpOnlyAgentsPhoneOfferingPlainRtpIsRefusedWith488() throws Exception {
        try (CallRig rig = salesWith(MediaSecurity.SRTP).start();
             TestPhone alice = aliceOnTls(rig)) {
            Outgoing call = alice.invite("5000", rig.rtp("127.0.0.1").sdp(0, 101));
            assertEquals(Response.NOT_ACCEPTABLE_HERE, call.awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void anSrtpOfferOverClearSignallingIsRefusedWith488() throws Exception {
        try (CallRig rig = salesWith(MediaSecurity.ANY).start()) {
            RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
            Outgoing call = rig.trunkPhone("+15550001").invite("5000",
                    srtpSdp(rtp, SdesKey.random(1, gateway.srtp.CryptoSuite.AES_CM_128_HMAC_SHA1_80)));
            assertEquals(Response.NOT_ACCEPTABLE_HERE, call.awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void aPlainOnlyAgentCallingInWithSrtpIsRefusedWith488() throws Exception {
        try (CallRig rig = salesWith(MediaSecurity.RTP).start();
             TestPhone alice = aliceOnTls(rig)) {
            RtpPeer rtp = rig.rtp("127.0.0.1");
            Outgoing call = alice.invite("5000", srtpSdp(rtp, SdesKey.random(1,
                    gateway.srtp.CryptoSuite.AES_CM_128_HMAC_SHA1_32)));
            assertEquals(Response.NOT_ACCEPTABLE_HERE, call.awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void anSrtpOnlyAgentWhosePhoneIsNotOnTlsIsNotRung() throws Exception {
        // the log outlives the rig: the core rings alice again until autoPause, each ring refused the same way
        try (ExpectedLog log = ExpectedLog.of(AgentRing.class);
             CallRig rig = salesWith(MediaSecurity.SRTP).start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
            AcdEvent.RingNoAnswer refused = rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> true);
            assertEquals("alice", refused.agentId());
            assertTrue(alice.pendingRequests("INVITE").isEmpty(), "her phone on UDP was not rung");
            assertTrue(log.warned("no TLS signalling, which media: srtp needs, to ring agent alice"), log.lines()::toString);
        }
    }

    @Test
    void ofAnSrtpOnlyAgentsPhonesOnlyTheOneOnTlsIsRung() throws Exception {
        try (CallRig rig = salesWith(MediaSecurity.SRTP).start();
             TestPhone onTls = aliceOnTls(rig)) {
            TestPhone onUdp = rig.agentPhone("1001", "UDP");
            Outgoing call = rig.trunkPhone("+15550001").invite("5000", rig.rtp(CallRig.TRUNK_ADDRESS).sdp(0, 101));
            assertEquals(Response.OK, call.awaitFinal(WAIT).getStatusCode());
            call.ack();
            Incoming invite = onTls.awaitRequest("INVITE", WAIT);
            assertTrue(invite.body().contains("RTP/SAVP"), invite.body());
            invite.respond(Response.BUSY_HERE);
            rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> true);
            assertTrue(onUdp.pendingRequests("INVITE").isEmpty(), "the phone on UDP was not rung");
            // the caller leaves before the TLS phone closes: no ring again over a closed connection
            call.bye().awaitFinal(WAIT);
            rig.awaitEvent(AcdEvent.CallEnded.class, e -> true);
        }
    }

    /** An RTP/SAVP description of {@code rtp}'s socket (PCMU and telephone-event) with {@code key}. */
    private static String srtpSdp(RtpPeer rtp, SdesKey key) {
        return rtp.sdp(0, 101).replace("RTP/AVP", "RTP/SAVP") + "a=crypto:" + key.attributeValue() + "\r\n";
    }

    private static SdesKey offeredKey(String sdp, int tag) {
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=crypto:" + tag + " ")) {
                SdesKey key = SdesKey.parse(line.substring("a=crypto:".length()));
                assertNotNull(key, line);
                return key;
            }
        }
        throw new AssertionError("no a=crypto:" + tag + " in " + sdp);
    }

    private static Prompt tone(double hz) {
        return Prompt.of(hz + " Hz", ToneGenerator.tone(1000, 0.3, hz));
    }
}
