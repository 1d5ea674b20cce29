package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.testkit.Await;
import ivr.audio.Goertzel;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import ivr.record.RecordingPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/** A bridged call's recording as tests check it: the caller's tone on the left, the agent's on the right. */
final class StereoRecordings {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private StereoRecordings() {
    }

    /** Waits for today's recording of {@code callId} under {@code storage} and checks whose tone is on which side. */
    static void assertCallerLeftAgentRight(Path storage, String callId, double callerHz, double agentHz) throws Exception {
        WavData wav = awaitWav(RecordingPaths.of(storage.resolve("recordings"), LocalDate.now(ZoneId.systemDefault()),
                callId, "wav"), 2);
        short[] left = wav.channel(0);
        short[] right = wav.channel(1);
        assertTrue(Goertzel.power(left, callerHz) > 10 * Goertzel.power(left, agentHz), "caller on the left");
        assertTrue(Goertzel.power(right, agentHz) > 10 * Goertzel.power(right, callerHz), "agent on the right");
    }

    /** Waits for the recording's header to be completed (it is, once the call ended), then reads it. */
    static WavData awaitWav(Path file, int channels) throws Exception {
        WavData wav = Await.value(() -> {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            WavData w = WavReader.read(file);
            return w.frames() > 0 ? w : null;
        }, WAIT, () -> "no finished recording at " + file);
        assertEquals(channels, wav.channels());
        return wav;
    }
}
