package ivr.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random tick lateness and random prompt lengths: order, bounds and callbacks still hold. */
class PlayoutInvariantsTest {

    @Test
    void framesInOrderBurstsBoundedOnDoneOnce() {
        Random random = new Random(20);
        Playout playout = new Playout(3);
        int legs = 200;
        List<List<byte[]>> sent = new ArrayList<>();
        int[] perTick = new int[legs];
        int[] done = new int[legs];
        Prompt[] prompts = new Prompt[legs];
        for (int i = 0; i < legs; i++) {
            List<byte[]> frames = new ArrayList<>();
            sent.add(frames);
            int leg = i;
            prompts[i] = Prompt.of("p" + i, Pcm.silence(20 * (1 + random.nextInt(300))));
            playout.open(Codec.PCMU, (payload, off, len, advance, marker) -> {
                frames.add(payload);
                perTick[leg]++;
                assertEquals(160, advance);
            }).play(prompts[i], () -> done[leg]++);
        }
        long now = 0;
        for (int tick = 0; tick < 2000; tick++) {
            now += 20 + (random.nextInt(10) == 0 ? random.nextInt(120) : random.nextInt(3) - 1);
            java.util.Arrays.fill(perTick, 0);
            playout.tick(now);
            for (int i = 0; i < legs; i++) {
                assertTrue(perTick[i] <= 3, "burst of " + perTick[i]);
            }
        }
        for (int i = 0; i < legs; i++) {
            assertEquals(1, done[i]);
            assertEquals(prompts[i].frameCount(), sent.get(i).size());
            for (int f = 0; f < prompts[i].frameCount(); f++) {
                assertSame(prompts[i].frame(Codec.PCMU, f), sent.get(i).get(f));
            }
        }
        assertEquals(0, playout.playing());
    }
}
