package ivr.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filler in virtual time: a filling channel sends a frame every 20 ms whatever plays. */
class PlayoutFillerTest {
    private final Playout playout = new Playout(3);
    private final Sink sink = new Sink();
    private long now;

    private final class Sink implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        final List<Integer> advances = new ArrayList<>();
        final List<Boolean> markers = new ArrayList<>();
        final List<Long> sentAt = new ArrayList<>();

        @Override
        public void sendFrame(byte[] payload, int offset, int length, int timestampAdvance, boolean marker) {
            frames.add(payload);
            advances.add(timestampAdvance);
            markers.add(marker);
            sentAt.add(now);
        }
    }

    private void tickFor(long ms) {
        long end = now + ms;
        while (now < end) {
            now += 20;
            playout.tick(now);
        }
    }

    private static boolean silent(byte[] frame, Codec codec) {
        for (byte b : frame) {
            if (b != codec.silence()) {
                return false;
            }
        }
        return frame.length == Codec.FRAME_SAMPLES;
    }

    @Test
    void silenceEveryTickAroundPromptsOnOneContinuousStream() {
        Playout.Channel ch = playout.open(Codec.PCMA, sink);
        ch.fill(true);
        tickFor(1000);
        assertEquals(50, sink.frames.size());
        assertTrue(sink.frames.stream().allMatch(f -> silent(f, Codec.PCMA)));
        Prompt p = Prompt.of("tone", ToneGenerator.tone(200, 0.5, 440));
        int[] done = {0};
        ch.play(p, () -> done[0]++);
        tickFor(1000);
        assertEquals(100, sink.frames.size(), "one frame per tick, prompt or silence");
        assertSame(p.frame(Codec.PCMA, 0), sink.frames.get(50));
        assertSame(p.frame(Codec.PCMA, 9), sink.frames.get(59));
        assertTrue(silent(sink.frames.get(60), Codec.PCMA));
        assertEquals(1, done[0]);
        for (int i = 0; i < 100; i++) {
            assertEquals(160, sink.advances.get(i), "frame " + i);
            assertEquals(i == 0, sink.markers.get(i), "frame " + i);
            assertEquals(20 + 20L * i, sink.sentAt.get(i));
        }
        assertEquals(90, playout.fillerFrames());
    }

    @Test
    void offWhileBridgedOnAgainAfterAndStopResumesTheSilence() {
        Playout.Channel ch = playout.open(Codec.PCMU, sink);
        ch.fill(true);
        tickFor(200);
        ch.fill(false);
        tickFor(1000);
        assertEquals(10, sink.frames.size());
        assertFalse(ch.filling());
        ch.fill(true);
        tickFor(200);
        assertEquals(20, sink.frames.size());
        assertTrue(sink.markers.get(10), "a new talkspurt after the gap");
        ch.play(Prompt.of("tone", ToneGenerator.tone(1000, 0.5, 440)), () -> { });
        tickFor(100);
        ch.stop();
        tickFor(100);
        assertEquals(30, sink.frames.size());
        assertTrue(silent(sink.frames.get(29), Codec.PCMU));
        assertEquals(Codec.FRAME_SAMPLES, sink.advances.get(29));
    }

    @Test
    void closedChannelsSendNothing() {
        Playout.Channel ch = playout.open(Codec.PCMU, sink);
        ch.fill(true);
        tickFor(100);
        ch.close();
        ch.fill(true);
        tickFor(1000);
        assertEquals(5, sink.frames.size());
        assertEquals(0, playout.playing());
    }
}
