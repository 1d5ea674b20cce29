package ivr.play;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.testkit.ExpectedLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayoutTest {
    private final Playout playout = new Playout(3);
    private long now;

    /** What one leg's RTP sender received. */
    static final class Sink implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        final List<Integer> advances = new ArrayList<>();
        final List<Boolean> markers = new ArrayList<>();
        final List<Long> sentAt = new ArrayList<>();
        private final PlayoutTest test;

        Sink(PlayoutTest test) {
            this.test = test;
        }

        @Override
        public void sendFrame(byte[] payload, int offset, int length, int timestampAdvance, boolean marker) {
            assertEquals(160, length);
            frames.add(payload);
            advances.add(timestampAdvance);
            markers.add(marker);
            sentAt.add(test.now);
        }
    }

    private static Prompt prompt(int ms, double hz) {
        return Prompt.of(hz + " Hz", ToneGenerator.tone(ms, 0.5, hz));
    }

    private void tickFor(long ms) {
        long end = now + ms;
        while (now < end) {
            now += 20;
            playout.tick(now);
        }
    }

    @Test
    void sendsOneFramePerTickInOrderThenRunsOnDoneOnce() {
        Sink sink = new Sink(this);
        Prompt p = prompt(1000, 440);
        int[] done = {0};
        playout.open(Codec.PCMU, sink).play(p, () -> done[0]++);
        tickFor(1000);
        assertEquals(50, sink.frames.size());
        for (int i = 0; i < 50; i++) {
            assertSame(p.frame(Codec.PCMU, i), sink.frames.get(i));
            assertEquals(160, sink.advances.get(i));
            assertEquals(i == 0, sink.markers.get(i));
            assertEquals(20 + 20L * i, sink.sentAt.get(i));
        }
        assertEquals(1, done[0]);
        tickFor(200);
        assertEquals(50, sink.frames.size());
        assertEquals(1, done[0]);
        assertEquals(0, playout.playing());
    }

    @Test
    void aLateTickCatchesUpWithinTheBurstBound() {
        Sink sink = new Sink(this);
        playout.open(Codec.PCMA, sink).play(prompt(2000, 440), () -> { });
        tickFor(100); // 5 frames
        now += 60; // two ticks missed
        playout.tick(now);
        assertEquals(8, sink.frames.size());
        assertEquals(List.of(160, 160, 160), sink.advances.subList(5, 8));
        now += 200; // far too late: 10 frames due, only 3 sent, the rest slips
        playout.tick(now);
        assertEquals(11, sink.frames.size());
        assertEquals(1, playout.slips());
        tickFor(100);
        assertEquals(16, sink.frames.size());
        assertTrue(sink.advances.stream().allMatch(a -> a == 160), "timestamps stay contiguous");
        assertFalse(sink.markers.subList(1, 16).contains(true));
    }

    @Test
    void promptsChainedFromOnDoneFollowWithoutAGap() {
        Sink sink = new Sink(this);
        Playout.Channel ch = playout.open(Codec.PCMU, sink);
        Prompt a = prompt(100, 440);
        Prompt b = prompt(100, 880);
        ch.play(a, () -> ch.play(b, () -> { }));
        tickFor(400);
        assertEquals(10, sink.frames.size());
        for (int i = 1; i < 10; i++) {
            assertEquals(sink.sentAt.get(i - 1) + 20, sink.sentAt.get(i), "frame " + i);
            assertEquals(160, sink.advances.get(i));
        }
        assertSame(b.frame(Codec.PCMU, 0), sink.frames.get(5));
    }

    @Test
    void stopIsImmediateAndGivesTheResumePosition() {
        Sink sink = new Sink(this);
        Playout.Channel ch = playout.open(Codec.PCMU, sink);
        Prompt music = prompt(2000, 440);
        Prompt speech = prompt(60, 880);
        boolean[] musicDone = {false};
        ch.play(music, () -> musicDone[0] = true);
        tickFor(200);
        int at = ch.stop();
        assertEquals(10, at);
        assertFalse(ch.playing());
        tickFor(100);
        assertEquals(10, sink.frames.size());
        ch.play(speech, () -> ch.play(music, at, () -> musicDone[0] = true));
        tickFor(100);
        assertSame(music.frame(Codec.PCMU, 10), sink.frames.get(13));
        assertEquals(160 + 100 * 8, sink.advances.get(10), "a silent gap advances the RTP clock");
        assertTrue(sink.markers.get(10));
        assertFalse(musicDone[0]);
        assertEquals(12, ch.stop());
        assertEquals(0, ch.stop());
    }

    @Test
    void oneTickServesEveryChannel() {
        List<Sink> sinks = new ArrayList<>();
        Prompt p = prompt(400, 440);
        for (int i = 0; i < 500; i++) {
            Sink s = new Sink(this);
            sinks.add(s);
            playout.open(i % 2 == 0 ? Codec.PCMU : Codec.PCMA, s).play(p, () -> { });
        }
        assertEquals(500, playout.playing());
        tickFor(400);
        for (int i = 0; i < 500; i++) {
            assertEquals(20, sinks.get(i).frames.size());
            assertArrayEquals(p.frame(i % 2 == 0 ? Codec.PCMU : Codec.PCMA, 19), sinks.get(i).frames.get(19));
        }
        assertEquals(10_000, playout.framesSent());
        assertEquals(0, playout.playing());
    }

    @Test
    void aFailingSinkStopsOnlyItsChannel() {
        try (ExpectedLog log = ExpectedLog.of(Playout.class)) {
            Sink good = new Sink(this);
            playout.open(Codec.PCMU, (payload, off, len, adv, m) -> {
                throw new IllegalStateException("socket closed");
            }).play(prompt(200, 440), () -> { });
            playout.open(Codec.PCMU, good).play(prompt(200, 440), () -> { });
            tickFor(200);
            assertEquals(10, good.frames.size());
            assertTrue(log.warned("frame sink failed"), log.warnings().toString());
        }
    }

    @Test
    void closedChannelRefusesToPlay() {
        Playout.Channel ch = playout.open(Codec.PCMU, new Sink(this));
        ch.close();
        assertThrows(IllegalStateException.class, () -> ch.play(Prompt.of("s", Pcm.silence(20)), () -> { }));
    }
}
