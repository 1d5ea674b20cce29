package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
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
import ivr.audio.Goertzel;
import ivr.audio.Prompt;
import ivr.audio.PromptCache;
import ivr.audio.ToneGenerator;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.entry.EntryPoint;
import ivr.hours.BusinessHours;
import ivr.hours.WeeklyRange;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.queue.Phrases;
import ivr.queue.QueueAudio;
import ivr.record.RecordingPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * The IVR in the call path over real SIP and RTP on loopback: menus driven by RFC 4733 and SIP
 * INFO keys, queue audio, a bridged call's stereo recording, voicemail, business hours, and a
 * transfer through the trunk. Prompts are tones, so each is told by its encoded frames.
 */
class IvrCallFlowTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final int EVENT_PT = 101;
    private static final double CALLER_HZ = 450;
    private static final double AGENT_HZ = 1250;

    private static final Prompt WELCOME = CallRig.tone("welcome", 3000, 500);
    private static final Prompt GREETING = CallRig.tone("sales greeting", 400, 700);
    private static final Prompt MUSIC = CallRig.tone("sales music", 600, 300);
    private static final Prompt CLOSED = CallRig.tone("closed", 600, 900);
    private static final Prompt VOICEMAIL = CallRig.tone("voicemail prompt", 300, 600);
    private static final Prompt TRANSFER_MUSIC = CallRig.tone("transfer music", 1000, 350);
    private static final IvrSpecs.SharedSounds SOUNDS = new IvrSpecs.SharedSounds(VOICEMAIL, ToneGenerator.beep(),
            TRANSFER_MUSIC);

    private static Menu mainMenu() {
        return new Menu("main", WELCOME, Duration.ofSeconds(5), Duration.ofSeconds(2), 1, null, true,
                Map.of("1", Destination.queue("sales"), "2", Destination.voicemail("sales")), Destination.HANGUP, null);
    }

    private static QueueSpec sales() {
        return QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))).withRingTimeoutMs(5_000);
    }

    private static IvrSpecs.QueueMedia salesMedia(Phrases phrases) {
        return new IvrSpecs.QueueMedia("Sales", new QueueAudio(GREETING, MUSIC, Duration.ofSeconds(1), phrases), true,
                Destination.HANGUP);
    }

    /** The IVR at 5000: main menu, sales queue with audio and recording, alice in it. */
    private static CallRig.Builder ivrAt5000() throws IOException {
        return CallRig.builder().queue(sales()).agent("alice", "1001").menu(mainMenu())
                .menu(Menu.announcement("closed", CLOSED, Destination.HANGUP))
                .queueMedia("sales", salesMedia(Phrases.load(CallRig.SOUNDS, new PromptCache())))
                .sounds(SOUNDS)
                .entry(new EntryPoint("5000", Destination.menu("main"), null));
    }

    /** A trunk caller dialling 5000 with PCMU and telephone-event, sending a tone once answered. */
    private static Caller dial(CallRig rig) throws Exception {
        TestPhone phone = rig.trunkPhone("+15550001");
        RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
        Outgoing call = phone.invite("5000", rtp.sdp(0, EVENT_PT));
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        call.ack();
        rtp.sendToneTo(new String(ok.getRawContent(), StandardCharsets.US_ASCII), CALLER_HZ);
        return new Caller(phone, call, rtp);
    }

    @Test
    void rfc4733KeyQueuesTheCallerWhoHearsGreetingMusicAndPositionThenABridgedStereoRecording() throws Exception {
        Phrases phrases = Phrases.load(CallRig.SOUNDS, new PromptCache());
        try (CallRig rig = ivrAt5000().start()) {
            Caller caller = dial(rig);
            caller.rtp().awaitFrame(WELCOME, Codec.PCMU, 5, WAIT);
            caller.rtp().pressKey('1', EVENT_PT);

            AcdEvent.CallQueued queued = rig.awaitEvent(AcdEvent.CallQueued.class, e -> true);
            assertEquals("sales", queued.queueId());
            caller.rtp().awaitFrame(GREETING, Codec.PCMU, 2, WAIT);
            caller.rtp().awaitFrame(MUSIC, Codec.PCMU, 2, WAIT);
            List<Prompt> position = phrases.position(1);
            caller.rtp().awaitFrame(phrases.stayOnLine(), Codec.PCMU, 2, WAIT);
            caller.rtp().awaitFrame(position.get(0), Codec.PCMU, 2, WAIT);
            caller.rtp().awaitFrame(position.get(1), Codec.PCMU, 2, WAIT);

            TestPhone alice = rig.agentPhone("1001", "UDP");
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            invite.ringing();
            RtpPeer agentRtp = rig.rtp("127.0.0.1");
            invite.answer(agentRtp.sdp(0, EVENT_PT));
            agentRtp.sendToneTo(invite.body(), AGENT_HZ);
            rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true);
            agentRtp.awaitFrame(tone(CALLER_HZ), Codec.PCMU, 10, WAIT);
            caller.rtp().awaitFrame(tone(AGENT_HZ), Codec.PCMU, 10, WAIT);
            agentRtp.awaitSent(50, WAIT);

            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            StereoRecordings.assertCallerLeftAgentRight(rig.storage, caller.call().callId(), CALLER_HZ, AGENT_HZ);
        }
    }

    @Test
    void sipInfoKeysLeadToVoicemailAndTheMessageIsStored() throws Exception {
        try (CallRig rig = ivrAt5000().start()) {
            Caller caller = dial(rig);
            caller.rtp().awaitFrame(WELCOME, Codec.PCMU, 2, WAIT);
            Response info = caller.call().info("application/dtmf-relay", "Signal=2\r\nDuration=160\r\n").awaitFinal(WAIT);
            assertEquals(Response.OK, info.getStatusCode());
            caller.rtp().awaitFrame(VOICEMAIL, Codec.PCMU, 2, WAIT);
            caller.rtp().awaitFrame(ToneGenerator.beep(), Codec.PCMU, 15, WAIT);
            caller.rtp().awaitSent(25, WAIT);
            assertEquals(Response.OK, caller.call().info("application/dtmf", "#").awaitFinal(WAIT).getStatusCode());
            caller.phone().awaitRequest("BYE", WAIT);

            Path wavFile = RecordingPaths.of(rig.storage.resolve("voicemail"), LocalDate.now(ZoneId.systemDefault()),
                    caller.call().callId(), "wav");
            Path json = wavFile.resolveSibling(wavFile.getFileName().toString().replace(".wav", ".json"));
            awaitFile(json);
            String meta = Files.readString(json);
            assertTrue(meta.contains("\"department\": \"Sales\""), meta);
            assertTrue(meta.contains("\"caller\": \"+15550001\""), meta);
            assertTrue(meta.contains("\"endedBy\": \"key\""), meta);
            short[] message = WavReader.read(wavFile).channel(0);
            assertTrue(Goertzel.power(message, CALLER_HZ) > 10 * Goertzel.power(message, AGENT_HZ), "the caller's voice");
        }
    }

    @Test
    void outsideBusinessHoursTheClosedMenuPlaysAndHangsUp() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BusinessHours hours = new BusinessHours(ZoneOffset.UTC, List.of(WeeklyRange.parse("mon-sun", "00:00-24:00")),
                Set.of(today.minusDays(1), today, today.plusDays(1)), Destination.menu("closed"));
        try (CallRig rig = ivrAt5000().entry(new EntryPoint("5000", Destination.menu("main"), hours)).start()) {
            Caller caller = dial(rig);
            RtpPeer.Packet first = caller.rtp().await(p -> p.payloadType() == 0, WAIT, "any audio");
            assertTrue(java.util.Arrays.equals(CLOSED.frame(Codec.PCMU, 0), first.payload()), "the closed prompt, not the menu");
            caller.rtp().awaitFrame(CLOSED, Codec.PCMU, CLOSED.frameCount() - 1, WAIT);
            caller.phone().awaitRequest("BYE", WAIT);
        }
    }

    @Test
    void maxWaitFallbackRunsTheClosedMenu() throws Exception {
        try (CallRig rig = CallRig.builder().queue(sales().withMaxWait(500))
                .queueMedia("sales", new IvrSpecs.QueueMedia("Sales", new QueueAudio(null, MUSIC, null, null), false,
                        Destination.menu("closed")))
                .agent("alice", "1001").menu(mainMenu()).menu(Menu.announcement("closed", CLOSED, Destination.HANGUP))
                .sounds(SOUNDS).number("5000", Destination.queue("sales")).start()) {
            Caller caller = dial(rig);
            rig.awaitEvent(AcdEvent.CallEnded.class, e -> e.outcome() == CallOutcome.TIMED_OUT);
            caller.rtp().awaitFrame(CLOSED, Codec.PCMU, 3, WAIT);
            caller.phone().awaitRequest("BYE", WAIT);
        }
    }

    @Test
    void transferRingsTheNumberOnTheTrunkWithHoldMusicMeanwhile() throws Exception {
        TestPhone carrier = TestPhone.builder("+15559999").localAddress(CallRig.TRUNK_ADDRESS).domain(CallRig.DOMAIN)
                .server(9).start();
        try (carrier; CallRig rig = CallRig.builder().sounds(SOUNDS).number("5000", Destination.transfer("+15559999"))
                .transferTrunk(CallRig.trunkAt(carrier)).start()) {
            Caller caller = dial(rig);
            Incoming invite = carrier.awaitRequest("INVITE", WAIT);
            assertEquals("+15559999", ((SipURI) invite.request().getRequestURI()).getUser());
            invite.ringing();
            caller.rtp().awaitFrame(TRANSFER_MUSIC, Codec.PCMU, 3, WAIT);
            RtpPeer far = rig.rtp(CallRig.TRUNK_ADDRESS);
            invite.answer(far.sdp(0));
            far.sendToneTo(invite.body(), AGENT_HZ);
            far.awaitFrame(tone(CALLER_HZ), Codec.PCMU, 5, WAIT);
            caller.rtp().awaitFrame(tone(AGENT_HZ), Codec.PCMU, 5, WAIT);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            carrier.awaitRequest("BYE", WAIT);
        }
    }

    private static Prompt tone(double hz) {
        return Prompt.of(hz + " Hz", ToneGenerator.tone(1000, 0.3, hz));
    }

    private static WavData awaitWav(Path file, int channels) throws Exception {
        return StereoRecordings.awaitWav(file, channels);
    }

    private static void awaitFile(Path file) throws Exception {
        Await.until(() -> Files.isRegularFile(file), WAIT, () -> "no file " + file);
    }
}
