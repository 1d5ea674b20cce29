package ivr.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ivr.audio.ToneGenerator;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.audio.WavWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRepairTest {
    @TempDir
    Path dir;

    /** What the writer leaves when the process dies mid-call: a header with zero lengths, then audio. */
    private Path crashed(String name, short[] interleaved, int extraBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = WavWriter.header(2, 8000, 0);
        out.write(h.array(), 0, WavWriter.HEADER_BYTES);
        out.write(WavWriter.toBytes(interleaved, 0, interleaved.length));
        out.write(new byte[extraBytes]);
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void fixesLengthsOfFilesLeftByACrashAndKeepsTheAudio() throws IOException {
        short[] audio = ToneGenerator.tone(500, 0.5, 1000).samples(); // read as 2000 stereo frames
        Path f = crashed("2026/11/25/call-1.wav", audio, 3); // a torn last frame
        Path ok = dir.resolve("2026/11/25/call-2.wav");
        WavWriter.write(ok, 2, 8000, audio);
        Files.writeString(dir.resolve("2026/11/25/notes.txt"), "not audio");

        assertEquals(List.of(f), RecordingRepair.repair(dir));

        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(audio.length * 2, h.getInt(WavWriter.DATA_SIZE_OFFSET));
        assertEquals(36 + audio.length * 2, h.getInt(WavWriter.RIFF_SIZE_OFFSET));
        assertEquals(44 + audio.length * 2, Files.size(f));
        WavData wav = WavReader.read(f);
        assertArrayEquals(audio, wav.samples());
        assertEquals(List.of(), RecordingRepair.repair(dir), "a repaired file is left alone");
    }

    @Test
    void aMissingFolderIsNothingToRepair() throws IOException {
        assertEquals(List.of(), RecordingRepair.repair(dir.resolve("none")));
    }
}
