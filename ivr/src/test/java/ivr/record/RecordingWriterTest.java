package ivr.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.testkit.ExpectedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {
    @TempDir
    Path dir;

    @Test
    void audioBeyondTheBoundIsDroppedNotQueued() throws Exception {
        RecordingWriter writer = new RecordingWriter(3, false);
        RecordingWriter.WavStream s = writer.open(dir.resolve("a/b.wav"), 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(i < 3, s.write(new byte[320]), "chunk " + i);
        }
        assertEquals(2, writer.dropped());
        writer.start();
        Path f = s.finish((file, bytes) -> Files.writeString(file.resolveSibling("b.txt"), "bytes=" + bytes))
                .get(30, TimeUnit.SECONDS);
        WavData wav = WavReader.read(f);
        assertEquals(3 * 160, wav.frames());
        assertEquals("bytes=960", Files.readString(dir.resolve("a/b.txt")));
        assertFalse(s.write(new byte[2]), "finished");
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.open(dir.resolve("c.wav"), 1));
    }

    @Test
    void aPatchSetsOneChannelKeepsTheOtherAndFillsPastTheEndWithSilence() throws Exception {
        RecordingWriter writer = new RecordingWriter(10);
        RecordingWriter.WavStream s = writer.open(dir.resolve("p.wav"), 2);
        s.write(new byte[] {1, 0, 2, 0, 1, 0, 2, 0}); // frames 0-1: left 1, right 2
        s.patch(4, 1, new byte[] {7, 0, 7, 0, 7, 0}); // right 7 on frames 1-3, two past the end
        WavData wav = WavReader.read(s.finish().get(30, TimeUnit.SECONDS));
        assertEquals(4, wav.frames());
        assertArrayEquals(new short[] {1, 1, 0, 0}, wav.channel(0));
        assertArrayEquals(new short[] {2, 7, 7, 7}, wav.channel(1));
        writer.close();
    }

    @Test
    void anExistingFileIsKeptAndTheNewOneSuffixed() throws Exception {
        RecordingWriter writer = new RecordingWriter(10);
        Files.writeString(dir.resolve("call.wav"), "first bridge");
        Files.writeString(dir.resolve("call-2.wav"), "second bridge");
        RecordingWriter.WavStream s = writer.open(dir.resolve("call.wav"), 2);
        s.write(new byte[640]);
        assertEquals(dir.resolve("call-3.wav"), s.finish().get(30, TimeUnit.SECONDS));
        assertEquals(160, WavReader.read(dir.resolve("call-3.wav")).frames());
        assertEquals("first bridge", Files.readString(dir.resolve("call.wav")));
        writer.close();
    }

    @Test
    void aFileThatCannotBeCreatedFailsItsFuture() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(RecordingWriter.class)) {
            RecordingWriter writer = new RecordingWriter(10);
            Files.writeString(dir.resolve("blocked"), "a file where a folder should be");
            RecordingWriter.WavStream s = writer.open(dir.resolve("blocked/call.wav"), 2);
            s.write(new byte[640]);
            ExecutionException e = assertThrows(ExecutionException.class, () -> s.finish().get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof java.io.IOException, e.toString());
            writer.close();
            assertTrue(log.warned("failed; the rest of it is discarded"), log.warnings().toString());
        }
    }
}
