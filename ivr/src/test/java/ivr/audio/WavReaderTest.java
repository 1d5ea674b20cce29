package ivr.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path dir;

    @Test
    void pcmRoundTripsThroughWriterAndReader() throws IOException {
        Pcm tone = ToneGenerator.tone(500, 0.5, 440);
        Path f = dir.resolve("tone.wav");
        WavWriter.write(f, tone);
        assertArrayEquals(tone.samples(), WavReader.readPrompt(f).samples());
        WavData wav = WavReader.read(f);
        assertEquals(1, wav.channels());
        assertEquals(8000, wav.sampleRate());
        assertEquals(WavData.Encoding.PCM16, wav.encoding());
    }

    @Test
    void readsG711Wav() throws IOException {
        Pcm tone = ToneGenerator.tone(200, 0.5, 1000);
        byte[] ulaw = new byte[tone.length()];
        byte[] alaw = new byte[tone.length()];
        for (int i = 0; i < ulaw.length; i++) {
            ulaw[i] = G711.linearToUlaw(tone.samples()[i]);
            alaw[i] = G711.linearToAlaw(tone.samples()[i]);
        }
        Path u = write("u.wav", 7, 1, 8000, 8, ulaw);
        Path a = write("a.wav", 6, 1, 8000, 8, alaw);
        Pcm fromU = WavReader.readPrompt(u);
        Pcm fromA = WavReader.readPrompt(a);
        assertEquals(tone.length(), fromU.length());
        for (int i = 0; i < ulaw.length; i++) {
            assertEquals(G711.ulawToLinear(ulaw[i]), fromU.samples()[i]);
            assertEquals(G711.alawToLinear(alaw[i]), fromA.samples()[i]);
        }
        assertEquals(WavData.Encoding.ULAW, WavReader.read(u).encoding());
    }

    @Test
    void resamplesWidebandPcm() throws IOException {
        short[] wide = tone48k(1000, 1.0);
        Path f = write("wide.wav", 1, 1, 48000, 16, WavWriter.toBytes(wide, 0, wide.length));
        Pcm narrow = WavReader.readPrompt(f);
        assertEquals(8000, narrow.length());
        assertTrue(Goertzel.power(narrow.samples(), 1000) > 0.05);
    }

    @Test
    void rejectsStereoNamingFileAndFormat() throws IOException {
        Path f = dir.resolve("stereo.wav");
        WavWriter.write(f, 2, 8000, new short[1600]);
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.readPrompt(f));
        assertTrue(e.getMessage().contains("stereo.wav"), e.getMessage());
        assertTrue(e.getMessage().contains("2 channel(s), 8000 Hz, 16-bit PCM"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedRateAndDepth() throws IOException {
        Path odd = write("odd.wav", 1, 1, 11025, 16, new byte[2000]);
        WavFormatException rate = assertThrows(WavFormatException.class, () -> WavReader.readPrompt(odd));
        assertTrue(rate.getMessage().contains("odd.wav: unsupported audio format 1 channel(s), 11025 Hz"),
                rate.getMessage());
        Path deep = write("deep.wav", 1, 1, 8000, 24, new byte[3000]);
        WavFormatException depth = assertThrows(WavFormatException.class, () -> WavReader.readPrompt(deep));
        assertTrue(depth.getMessage().contains("24 bits"), depth.getMessage());
        Path ulaw16k = write("u16.wav", 7, 1, 16000, 8, new byte[100]);
        assertThrows(WavFormatException.class, () -> WavReader.readPrompt(ulaw16k));
    }

    @Test
    void rejectsWhatIsNotWav() throws IOException {
        Path f = dir.resolve("song.mp3");
        Files.write(f, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.readPrompt(f));
        assertEquals(f + ": not a RIFF/WAVE file", e.getMessage());
    }

    @Test
    void skipsUnknownChunksAndReadsUnfinishedDataLength() throws IOException {
        short[] samples = {1, 2, 3, 4, 5, 6};
        byte[] data = WavWriter.toBytes(samples, 0, samples.length);
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 5 + 1 + 24 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(0).putInt(0x45564157);
        b.putInt(0x5453494c).putInt(5).put(new byte[] {1, 2, 3, 4, 5}).put((byte) 0); // LIST, odd, padded
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(0).put(data); // length never written: crash
        Path f = dir.resolve("chunks.wav");
        Files.write(f, b.array());
        assertArrayEquals(samples, WavReader.readPrompt(f).samples());
    }

    @Test
    void everyShippedSoundLoadsAsTelephoneAudio() throws IOException {
        Path sounds = Path.of("..", "config", "sounds");
        String[] required = {"welcome", "invalid", "closed", "goodbye", "sales-greeting", "support-greeting",
            "greeting", "hold-music", "stay-on-line", "voicemail", "beep"};
        for (String name : required) {
            assertTrue(Files.isRegularFile(sounds.resolve(name + ".wav")), name);
        }
        try (var files = Files.list(sounds)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                WavData wav = WavReader.read(f);
                assertEquals("1 channel(s), 8000 Hz, 16-bit PCM", wav.describe(), f.toString());
                assertTrue(wav.frames() > 800, f + " is shorter than 100 ms");
            }
        }
    }

    static short[] tone48k(double hz, double seconds) {
        short[] s = new short[(int) (48000 * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (16000 * Math.sin(2 * Math.PI * hz * i / 48000));
        }
        return s;
    }

    private Path write(String name, int format, int channels, int rate, int bits, byte[] data) throws IOException {
        int align = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * align).putShort((short) align).putShort((short) bits);
        b.putInt(0x61746164).putInt(data.length).put(data);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }
}
