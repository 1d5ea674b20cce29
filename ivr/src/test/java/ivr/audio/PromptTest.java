package ivr.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTest {
    @TempDir
    Path dir;

    @Test
    void cutsIntoTwentyMillisecondFramesInBothLaws() {
        Pcm pcm = ToneGenerator.tone(50, 0.5, 1000); // 400 samples: 2.5 frames
        Prompt p = Prompt.of("t", pcm);
        assertEquals(3, p.frameCount());
        assertEquals(60, p.durationMs());
        for (int f = 0; f < 3; f++) {
            assertEquals(160, p.frame(Codec.PCMU, f).length);
            assertEquals(160, p.frame(Codec.PCMA, f).length);
        }
        assertEquals(G711.linearToUlaw(pcm.samples()[170]), p.frame(Codec.PCMU, 1)[10]);
        assertEquals(G711.linearToAlaw(pcm.samples()[170]), p.frame(Codec.PCMA, 1)[10]);
        // padding of the last frame is silence
        assertEquals((byte) 0xFF, p.frame(Codec.PCMU, 2)[100]);
        assertEquals((byte) 0xD5, p.frame(Codec.PCMA, 2)[100]);
    }

    @Test
    void cacheLoadsOnceAndAgainWhenTheFileChanges() throws IOException {
        Path f = dir.resolve("p.wav");
        WavWriter.write(f, ToneGenerator.tone(100, 0.5, 500));
        PromptCache cache = new PromptCache();
        Prompt first = cache.get(f);
        assertSame(first, cache.get(dir.resolve(".").resolve("p.wav")));
        assertEquals(1, cache.size());
        WavWriter.write(f, ToneGenerator.tone(200, 0.5, 500));
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        Prompt second = cache.get(f);
        assertNotSame(first, second);
        assertEquals(200, second.durationMs());
    }

    @Test
    void cacheNamesAMissingFile() {
        Path missing = dir.resolve("missing.wav");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new PromptCache().get(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read prompt file"), e.getMessage());
    }

    @Test
    void tonesCarryTheirFrequencies() {
        Pcm beep = ToneGenerator.beep().pcm();
        assertTrue(Goertzel.power(beep.samples(), 1000) > 100 * Goertzel.power(beep.samples(), 1500));
        Pcm five = ToneGenerator.dtmf('5', 100);
        double row = Goertzel.power(five.samples(), 770);
        double col = Goertzel.power(five.samples(), 1336);
        double other = Goertzel.power(five.samples(), 941);
        assertTrue(row > 50 * other && col > 50 * other);
    }
}
