package acd.bench;

import ivr.audio.Codec;
import ivr.record.AlignedRecording;
import ivr.record.RecordingWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What recording costs a call's event loop per RTP packet: one 20 ms G.711 packet placed in a
 * stereo {@link AlignedRecording}, the two sides taking turns, with whatever hand-over to the
 * writer thread falls due (the disk work itself runs on that thread, off the measured path).
 * A recording is finished and a new one begun every minute of audio; finished files are deleted.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {
    private static final int PACKETS_PER_RECORDING = 2 * 3_000;

    private final byte[] payload = new byte[160];
    private Path dir;
    private RecordingWriter writer;
    private AlignedRecording recording;
    private int packet;
    private int recordings;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Arrays.fill(payload, (byte) 0x55);
        dir = Files.createTempDirectory("recording-bench");
        writer = new RecordingWriter(2_000);
        recording = next();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        recording.finish((file, bytes) -> Files.deleteIfExists(file)).get(30, TimeUnit.SECONDS);
        writer.close();
        Files.deleteIfExists(dir);
    }

    private AlignedRecording next() {
        return new AlignedRecording(writer.open(dir.resolve("r" + recordings++ + ".wav"), 2));
    }

    @Benchmark
    public long packet() {
        int frame = packet >> 1;
        recording.rtp(packet & 1, (frame + 1) * 20L, frame * 160, Codec.PCMU, payload, 0, payload.length);
        if (++packet == PACKETS_PER_RECORDING) {
            recording.finish((file, bytes) -> Files.deleteIfExists(file));
            recording = next();
            packet = 0;
        }
        return recording.frames();
    }
}
