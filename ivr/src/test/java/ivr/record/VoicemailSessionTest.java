package ivr.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import ivr.audio.Goertzel;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.play.FakeMediaPort;
import ivr.time.VirtualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicemailSessionTest {
    @TempDir
    Path dir;
    final RecordingWriter writer = new RecordingWriter(1000);
    final VirtualScheduler clock = new VirtualScheduler();
    final FakeMediaPort media = new FakeMediaPort(clock);
    final List<VoicemailSession.EndReason> ends = new ArrayList<>();
    final Prompt voice = Prompt.of("caller voice", ToneGenerator.tone(60_000, 0.5, 1000));
    int rtpTimestamp = 12_345;

    @AfterEach
    void closeWriter() {
        writer.close();
    }

    VoicemailSession session(Duration limit) {
        VoicemailBox box = new VoicemailBox("sales", dir, limit, "Sales \"East\"");
        VoicemailSession.Caller caller = new VoicemailSession.Caller("call-7@host", "+15550123",
                Instant.parse("2026-11-25T10:15:30Z"));
        return new VoicemailSession(box, caller, Prompt.of("voicemail", Pcm.silence(2000)), ToneGenerator.beep(),
                media, clock, writer, ZoneId.of("Europe/Tallinn"), ends::add);
    }

    /** The caller talks: one 20 ms packet per 20 ms of virtual time. */
    void talk(VoicemailSession s, int ms) {
        for (int t = 0; t < ms; t += 20) {
            clock.advance(20);
            int frame = (rtpTimestamp - 12_345) / 160;
            s.onAudio(rtpTimestamp, Codec.PCMA, voice.frame(Codec.PCMA, frame), 0, 160);
            rtpTimestamp += 160;
        }
    }

    @Test
    void promptBeepThenRecordUntilHash() throws Exception {
        VoicemailSession s = session(null);
        s.start();
        talk(s, 1000); // during the prompt: not recorded
        assertEquals(VoicemailSession.State.PROMPT, s.state());
        s.onKey('#');
        clock.advance(1400);
        assertEquals(List.of("voicemail", "beep 1000 Hz"), media.started);
        assertEquals(VoicemailSession.State.RECORDING, s.state());
        talk(s, 3000);
        s.onKey('5');
        s.onKey('#');
        assertEquals(List.of(VoicemailSession.EndReason.KEY), ends);
        assertEquals(VoicemailSession.State.DONE, s.state());
        Path wav = s.message().get(30, TimeUnit.SECONDS);
        assertEquals(dir.resolve("2026/11/25/call-7@host.wav"), wav);
        WavData data = WavReader.read(wav);
        assertEquals(1, data.channels());
        assertEquals(3000, data.frames() / 8, 20);
        assertTrue(Goertzel.power(data.samples(), 1000) > 0.01);
        String json = Files.readString(dir.resolve("2026/11/25/call-7@host.json"));
        assertTrue(json.contains("\"voicemail\": \"sales\""), json);
        assertTrue(json.contains("\"department\": \"Sales \\\"East\\\"\""), json);
        assertTrue(json.contains("\"caller\": \"+15550123\""), json);
        assertTrue(json.contains("\"time\": \"2026-11-25T10:15:30Z\""), json);
        assertTrue(json.contains("\"durationMs\": " + data.frames() / 8), json);
        assertTrue(json.contains("\"endedBy\": \"key\""), json);
        assertEquals(0, clock.pending());
    }

    @Test
    void theLimitEndsTheMessage() throws Exception {
        VoicemailSession s = session(Duration.ofSeconds(2));
        s.start();
        clock.advance(2400);
        talk(s, 5000);
        assertEquals(List.of(VoicemailSession.EndReason.LIMIT), ends);
        WavData data = WavReader.read(s.message().get(30, TimeUnit.SECONDS));
        assertEquals(2000, data.frames() / 8, 20);
    }

    @Test
    void hangupWhileRecordingKeepsTheMessage() throws Exception {
        VoicemailSession s = session(null);
        s.start();
        clock.advance(2400);
        talk(s, 1500);
        s.hangup();
        assertEquals(List.of(), ends, "the gateway knows about its own hangup");
        assertTrue(Files.exists(s.message().get(30, TimeUnit.SECONDS)));
        assertTrue(Files.readString(dir.resolve("2026/11/25/call-7@host.json")).contains("\"endedBy\": \"hangup\""));
    }

    @Test
    void hangupBeforeTheBeepLeavesNoMessage() throws Exception {
        VoicemailSession s = session(null);
        s.start();
        clock.advance(1000);
        s.hangup();
        assertFalse(media.playing());
        assertNull(s.message().get(1, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("2026")));
        assertEquals(0, clock.pending());
    }
}
