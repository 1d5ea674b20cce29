package ivr.record;

import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.play.MediaPort;
import ivr.play.PromptSequence;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Leaving a message: the voicemail prompt, the beep, then the caller's audio recorded (mono)
 * until they hang up, press {@code #} or reach the box's limit. The WAV and a small JSON file
 * (box, department, caller number, time, duration) are written next to each other by the
 * {@link RecordingWriter}. Nothing is stored if the caller leaves before the beep ends.
 * Runs on the call's event loop.
 */
public final class VoicemailSession {

    public enum State {
        NEW,
        PROMPT,
        RECORDING,
        DONE
    }

    public enum EndReason {
        /** The caller hung up (also before the beep: then there is no message). */
        HANGUP,
        /** The caller pressed #. */
        KEY,
        /** The box's time limit was reached. */
        LIMIT
    }

    /** The call leaving the message. */
    public record Caller(String callId, String number, Instant time) {
    }

    private final VoicemailBox box;
    private final Caller caller;
    private final List<Prompt> intro;
    private final MediaPort media;
    private final Scheduler scheduler;
    private final RecordingWriter writer;
    private final ZoneId zone;
    private final Consumer<EndReason> onEnd;
    private State state = State.NEW;
    private AlignedRecording recording;
    private long recordingStartMs;
    private Cancellable limitTimer = Cancellable.NONE;
    private CompletableFuture<Path> message = CompletableFuture.completedFuture(null);

    /**
     * @param onEnd runs on the loop when recording stops because of # or the limit (the gateway
     *              then says goodbye and hangs up); not for a hangup, which the gateway caused
     */
    public VoicemailSession(VoicemailBox box, Caller caller, Prompt prompt, Prompt beep, MediaPort media,
            Scheduler scheduler, RecordingWriter writer, ZoneId zone, Consumer<EndReason> onEnd) {
        this.box = box;
        this.caller = caller;
        this.intro = List.of(prompt, beep);
        this.media = media;
        this.scheduler = scheduler;
        this.writer = writer;
        this.zone = zone;
        this.onEnd = onEnd;
    }

    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("voicemail already " + state);
        }
        state(State.PROMPT);
        PromptSequence.play(media, intro, this::record);
    }

    public State state() {
        return state;
    }

    /** The stored WAV once written; completes with null when no message was left. */
    public CompletableFuture<Path> message() {
        return message;
    }

    /** The caller's audio (an RTP payload), in order of arrival. */
    public void onAudio(int rtpTimestamp, Codec codec, byte[] payload, int offset, int length) {
        if (state == State.RECORDING) {
            recording.rtp(0, scheduler.nowMs() - recordingStartMs, rtpTimestamp, codec, payload, offset, length);
        }
    }

    public void onKey(char key) {
        if (state == State.RECORDING && key == '#') {
            end(EndReason.KEY);
        }
    }

    public void hangup() {
        end(EndReason.HANGUP);
    }

    /** Where the message goes (written once the caller is past the beep). */
    public Path file() {
        return RecordingPaths.of(box.dir(), caller.time().atZone(zone).toLocalDate(), caller.callId(), "wav");
    }

    private void record() {
        recording = new AlignedRecording(writer.open(file(), 1));
        recordingStartMs = scheduler.nowMs();
        state(State.RECORDING);
        limitTimer = scheduler.schedule(box.limit().toMillis(), () -> end(EndReason.LIMIT));
    }

    private void end(EndReason reason) {
        if (state == State.DONE || state == State.NEW) {
            return;
        }
        limitTimer.cancel();
        media.stop();
        State was = state;
        state(State.DONE);
        if (was == State.RECORDING) {
            // runs on the writer thread once the WAV is final; reads only immutable fields
            message = recording.finish((file, bytes) -> Files.writeString(siblingJson(file),
                    metadata(reason, bytes * 1000 / 2 / Codec.SAMPLE_RATE), StandardCharsets.UTF_8));
        }
        if (reason != EndReason.HANGUP) {
            onEnd.accept(reason);
        }
    }

    static Path siblingJson(Path wav) {
        String name = wav.getFileName().toString();
        return wav.resolveSibling(name.substring(0, name.length() - ".wav".length()) + ".json");
    }

    private String metadata(EndReason reason, long durationMs) {
        return "{\n"
                + "  \"voicemail\": " + json(box.id()) + ",\n"
                + "  \"department\": " + json(box.department()) + ",\n"
                + "  \"callId\": " + json(caller.callId()) + ",\n"
                + "  \"caller\": " + json(caller.number()) + ",\n"
                + "  \"time\": " + json(caller.time().toString()) + ",\n"
                + "  \"durationMs\": " + durationMs + ",\n"
                + "  \"endedBy\": " + json(reason.name().toLowerCase(Locale.ROOT)) + "\n"
                + "}\n";
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void state(State next) {
        if (state == State.DONE) {
            throw new IllegalStateException("voicemail DONE -> " + next);
        }
        state = next;
    }
}
