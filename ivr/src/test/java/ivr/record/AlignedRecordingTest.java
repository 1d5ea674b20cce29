package ivr.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Goertzel;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignedRecordingTest {
    static final double CALLER_HZ = 1000;
    static final double AGENT_HZ = 1500;

    @TempDir
    Path dir;
    final RecordingWriter writer = new RecordingWriter(1000);

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    /** Which of the two test tones a 20 ms block carries: 'c', 'a', or '-' for silence. */
    static char toneAt(short[] channel, int frame) {
        int from = frame * 160;
        double c = Goertzel.power(channel, from, 160, CALLER_HZ, 8000);
        double a = Goertzel.power(channel, from, 160, AGENT_HZ, 8000);
        if (Math.max(c, a) < 1e-4) {
            return '-';
        }
        return c > a ? 'c' : 'a';
    }

    static String tones(short[] channel) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < channel.length / 160; f++) {
            b.append(toneAt(channel, f));
        }
        return b.toString();
    }

    static String run(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void callerLeftAgentRightAlignedWithSilenceWhereNothingWasSent() throws Exception {
        CallRecorder recorder = new CallRecorder(writer, dir, ZoneId.of("UTC"));
        AlignedRecording rec = recorder.start("a1b2@10.0.0.1", Instant.parse("2026-11-25T10:00:00Z"));
        Prompt caller = Prompt.of("caller", ToneGenerator.tone(3000, 0.5, CALLER_HZ));
        Prompt agent = Prompt.of("agent", ToneGenerator.tone(3000, 0.5, AGENT_HZ));
        // caller talks for 3 s from the start; the agent joins at 0.5 s, goes quiet 1.5-2.0 s;
        // frames 60 and 61 of the caller arrive swapped; after each side's first packet the
        // network adds 0-15 ms of jitter, which the RTP timestamps undo
        for (int f = 0; f < 150; f++) {
            long jitter = f % 4 * 5;
            int cf = f == 60 ? 61 : f == 61 ? 60 : f;
            byte[] payload = caller.frame(Codec.PCMU, cf);
            rec.rtp(AlignedRecording.CALLER, (cf + 1) * 20L + (f == 0 ? 0 : jitter), 5000 + cf * 160, Codec.PCMU, payload, 0, 160);
            boolean agentTalks = f >= 25 && (f < 75 || f >= 100);
            if (agentTalks) {
                byte[] a = agent.frame(Codec.PCMA, f);
                rec.rtp(AlignedRecording.AGENT, (f + 1) * 20L + (f == 25 ? 0 : jitter), 90_000 + f * 160, Codec.PCMA, a, 0, 160);
            }
        }
        Path file = rec.finish().get(30, TimeUnit.SECONDS);
        assertEquals(dir.resolve("2026/11/25/a1b2@10.0.0.1.wav"), file);
        WavData wav = WavReader.read(file);
        assertEquals(2, wav.channels());
        assertEquals(8000, wav.sampleRate());
        assertEquals(150 * 160, wav.frames());
        assertEquals(run('c', 150), tones(wav.channel(0)));
        assertEquals(run('-', 25) + run('a', 50) + run('-', 25) + run('a', 50), tones(wav.channel(1)));
        assertEquals(0, rec.latePackets());
    }

    @Test
    void longRecordingsStreamThroughTheWindowAndLatePacketsAreDropped() throws Exception {
        AlignedRecording rec = new AlignedRecording(writer.open(dir.resolve("long.wav"), 2));
        short[] tone = ToneGenerator.tone(20, 0.5, CALLER_HZ).samples();
        short[] other = ToneGenerator.tone(20, 0.5, AGENT_HZ).samples();
        for (int f = 0; f < 3000; f++) { // 60 s
            rec.pcm(AlignedRecording.CALLER, f * 160L, tone, 0, 160);
            if (f % 2 == 0) {
                rec.pcm(AlignedRecording.AGENT, f * 160L, other, 0, 160);
            }
        }
        rec.pcm(AlignedRecording.AGENT, 160, other, 0, 160); // 60 s late: outside the window
        assertEquals(1, rec.latePackets());
        WavData wav = WavReader.read(rec.finish().get(30, TimeUnit.SECONDS));
        assertEquals(3000 * 160, wav.frames());
        assertEquals(run('c', 3000), tones(wav.channel(0)));
        assertEquals("a-".repeat(1500), tones(wav.channel(1)));
    }

    @Test
    void theFileKeepsWithinFlushFramesOfTheNewestAudioAndLatePacketsAreWrittenAgain() throws Exception {
        AlignedRecording rec = new AlignedRecording(writer.open(dir.resolve("crash.wav"), 2));
        short[] tone = ToneGenerator.tone(20, 0.5, CALLER_HZ).samples();
        short[] other = ToneGenerator.tone(20, 0.5, AGENT_HZ).samples();
        for (int f = 0; f < 100; f++) { // 2 s of the caller; the agent's packets come one second late
            rec.pcm(AlignedRecording.CALLER, f * 160L, tone, 0, 160);
            if (f >= 50) {
                rec.pcm(AlignedRecording.AGENT, (f - 50) * 160L, other, 0, 160);
            }
            // the writer works in order: once a later file is done, this one has all it was given
            writer.open(dir.resolve("barrier-" + f + ".wav"), 1).finish().get(30, TimeUnit.SECONDS);
            long inFile = (Files.size(dir.resolve("crash.wav")) - WavWriter.HEADER_BYTES) / 4;
            assertTrue(rec.frames() - inFile < AlignedRecording.FLUSH_FRAMES,
                    "at packet " + f + ": " + inFile + " frames in the file of " + rec.frames());
        }
        // what a kill now leaves, once repaired: the agent's late second is in it too
        Path copy = Files.copy(dir.resolve("crash.wav"), dir.resolve("killed.wav"));
        assertTrue(RecordingRepair.repairFile(copy));
        WavData killed = WavReader.read(copy);
        assertTrue(killed.frames() > 100 * 160 - AlignedRecording.FLUSH_FRAMES, killed.frames() + " frames");
        assertTrue(tones(killed.channel(1)).startsWith(run('a', 40)), tones(killed.channel(1)));
        WavData wav = WavReader.read(rec.finish().get(30, TimeUnit.SECONDS));
        assertEquals(run('c', 100), tones(wav.channel(0)));
        assertEquals(run('a', 50) + run('-', 50), tones(wav.channel(1)));
        assertEquals(0, rec.latePackets(), "a second late is older than memory but within the window: patched");
    }

    @Test
    void monoVoiceRecordingKeepsArrivalGaps() throws Exception {
        AlignedRecording rec = new AlignedRecording(writer.open(dir.resolve("v/mono.wav"), 1));
        Pcm tone = ToneGenerator.tone(1000, 0.5, CALLER_HZ);
        rec.pcm(0, 0, tone.samples(), 0, 4000);
        rec.pcm(0, 8000, tone.samples(), 4000, 4000);
        WavData wav = WavReader.read(rec.finish().get(30, TimeUnit.SECONDS));
        assertEquals(1, wav.channels());
        assertEquals(run('c', 25) + run('-', 25) + run('c', 25), tones(wav.channel(0)));
    }

    @Test
    void aNewSenderClockIsReanchoredOnArrival() throws IOException, Exception {
        AlignedRecording rec = new AlignedRecording(writer.open(dir.resolve("reanchor.wav"), 2));
        Prompt p = Prompt.of("c", ToneGenerator.tone(2000, 0.5, CALLER_HZ));
        for (int f = 0; f < 50; f++) {
            rec.rtp(0, (f + 1) * 20L, 1000 + f * 160, Codec.PCMU, p.frame(Codec.PCMU, f), 0, 160);
        }
        for (int f = 50; f < 100; f++) { // re-INVITE: a new random timestamp base
            rec.rtp(0, (f + 1) * 20L, 77_000_000 + f * 160, Codec.PCMU, p.frame(Codec.PCMU, f), 0, 160);
        }
        WavData wav = WavReader.read(rec.finish().get(30, TimeUnit.SECONDS));
        assertEquals(100 * 160, wav.frames());
        assertTrue(tones(wav.channel(0)).equals(run('c', 100)));
    }

    @Test
    void callIdsBecomeSafeFileNames() {
        assertEquals("abc_def@host", RecordingPaths.safeName("abc/def@host"));
        assertEquals("_._.x", RecordingPaths.safeName("../.x"));
    }
}
