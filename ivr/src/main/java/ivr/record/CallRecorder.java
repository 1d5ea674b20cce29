package ivr.record;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/** Starts the stereo recordings of bridged calls under {@code storage.recordings}. */
public final class CallRecorder {
    private final RecordingWriter writer;
    private final Path root;
    private final ZoneId zone;

    /** @param zone decides the date folder a call lands in */
    public CallRecorder(RecordingWriter writer, Path root, ZoneId zone) {
        this.writer = writer;
        this.root = root;
        this.zone = zone;
    }

    /** Caller left ({@link AlignedRecording#CALLER}), agent right ({@link AlignedRecording#AGENT}). */
    public AlignedRecording start(String callId, Instant now) {
        Path file = RecordingPaths.of(root, now.atZone(zone).toLocalDate(), callId, "wav");
        return new AlignedRecording(writer.open(file, 2));
    }
}
