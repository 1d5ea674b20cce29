package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.build.IvrSpecs;
import gateway.call.PhoneCalls.Caller;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.entry.EntryPoint;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.queue.QueueAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, never a silent line: over real SIP and RTP on loopback, the caller gets a packet
 * every 20 ms, one continuous stream, through a menu's wait for a digit, a queue without hold
 * music, and an agent's hold (the queue's music), until the agent takes the caller back.
 */
class NeverSilentLineTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final long WINDOW_MS = 2_000;
    private static final Prompt WELCOME = CallRig.tone("welcome", 400, 500);
    private static final Prompt MUSIC = CallRig.tone("sales music", 600, 300);
    private static final IvrSpecs.SharedSounds SOUNDS = new IvrSpecs.SharedSounds(CallRig.tone("vm", 300, 600),
            ToneGenerator.beep(), CallRig.tone("default music", 1000, 350));

    private static CallRig.Builder salesAt5000(Prompt holdMusic) {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1)))
                .withRingTimeoutMs(5_000);
        return CallRig.builder().queue(sales).agent("alice", "1001").sounds(SOUNDS)
                .queueMedia("sales", new IvrSpecs.QueueMedia("Sales", new QueueAudio(null, holdMusic, null, null),
                        false, Destination.HANGUP))
                .number("5000", Destination.queue("sales"));
    }

    private static Caller dial(CallRig rig) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
    }

    private static boolean silence(RtpPeer.Packet p) {
        return all(p, Codec.PCMU.silence());
    }

    private static boolean all(RtpPeer.Packet p, byte value) {
        byte[] b = p.payload();
        for (byte x : b) {
            if (x != value) {
                return false;
            }
        }
        return b.length == Codec.FRAME_SAMPLES;
    }

    /**
     * What reaches {@code rtp} over the window: one SSRC with contiguous sequence numbers and
     * timestamps (so every 20 ms of media time has its packet), no gap of half a second, and
     * about one packet per 20 ms of wall time. The count's slack is wide on purpose: a loaded
     * 2-core machine delays reads, and pacing itself is measured by scripts/bench-media.sh.
     */
    private static List<RtpPeer.Packet> window(RtpPeer rtp) {
        rtp.clear();
        long start = System.nanoTime();
        List<RtpPeer.Packet> got = new ArrayList<>();
        while (System.nanoTime() - start < WINDOW_MS * 1_000_000) {
            got.add(rtp.awaitAny(Duration.ofMillis(500)));
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long expected = elapsedMs / Codec.FRAME_MS;
        long slack = 1 + expected / 5;
        assertTrue(Math.abs(got.size() - expected) <= slack, got.size() + " packets in " + elapsedMs + " ms");
        for (int i = 1; i < got.size(); i++) {
            RtpPeer.Packet a = got.get(i - 1);
            RtpPeer.Packet b = got.get(i);
            assertEquals(a.ssrc(), b.ssrc(), "one stream");
            assertEquals((a.seq() + 1) & 0xFFFF, b.seq(), "contiguous sequence at " + i);
            assertEquals((a.timestamp() + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL, b.timestamp(), "contiguous timestamps at " + i);
        }
        return got;
    }

    @Test
    void aMenuWaitingForADigitSendsSilenceEvery20Ms() throws Exception {
        Menu menu = new Menu("main", WELCOME, Duration.ofSeconds(8), Duration.ofSeconds(2), 1, null, true,
                Map.of("1", Destination.queue("sales")), Destination.HANGUP, null);
        try (CallRig rig = salesAt5000(null).menu(menu).entry(new EntryPoint("5000", Destination.menu("main"), null))
                .start()) {
            Caller caller = dial(rig);
            caller.rtp().awaitFrame(WELCOME, Codec.PCMU, WELCOME.frameCount() - 1, WAIT);
            caller.rtp().await(NeverSilentLineTest::silence, WAIT, "silence after the menu prompt");
            List<RtpPeer.Packet> got = window(caller.rtp());
            assertTrue(got.stream().allMatch(NeverSilentLineTest::silence), "the menu waits in silence");
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void aQueueWithoutMusicSendsSilenceEvery20Ms() throws Exception {
        try (CallRig rig = salesAt5000(null).start()) {
            Caller caller = dial(rig);
            caller.rtp().await(NeverSilentLineTest::silence, WAIT, "silence in the queue");
            List<RtpPeer.Packet> got = window(caller.rtp());
            assertTrue(got.stream().allMatch(NeverSilentLineTest::silence), "no agent, no music: silence");
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        }
    }

    @Test
    void anAgentsHoldPlaysTheQueuesMusicThenTheAgentAgain() throws Exception {
        try (CallRig rig = salesAt5000(MUSIC).start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
            int ssrc = caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT).ssrc();

            reInvite(invite, agentRtp.sdp(0, 101).replace("a=ptime:20", "a=ptime:20\r\na=sendonly"));
            assertEquals(ssrc, caller.rtp().awaitFrame(MUSIC, Codec.PCMU, 0, WAIT).ssrc(), "music on the same stream");
            List<RtpPeer.Packet> held = window(caller.rtp());
            assertEquals(ssrc, held.get(0).ssrc());
            assertTrue(held.stream().noneMatch(p -> all(p, PhoneCalls.AGENT_AUDIO)), "no relay on hold");

            reInvite(invite, agentRtp.sdp(0, 101));
            caller.rtp().clear();
            assertEquals(ssrc, caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT).ssrc(), "the agent again");
            window(caller.rtp());
            agentRtp.clear();
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        }
    }

    private static void reInvite(Incoming dialog, String sdp) {
        Outgoing reinvite = dialog.reInvite(sdp);
        assertEquals(Response.OK, reinvite.awaitFinal(WAIT).getStatusCode());
        reinvite.ack();
    }
}
