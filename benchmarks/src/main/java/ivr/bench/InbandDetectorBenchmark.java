package ivr.bench;

import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.ToneGenerator;
import ivr.dtmf.InbandDetector;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What in-band DTMF detection adds to each RTP packet of a leg without telephone-event: one
 * operation is one 20 ms PCMU payload (160 bytes) decoded and run through the detector, as the
 * relay does before forwarding it. Legs with telephone-event never run it. The audio loops over
 * a few seconds of one kind: keys with gaps (every block passes the cheap checks and reaches the
 * harmonic and energy ones), chords, noise, or silence.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InbandDetectorBenchmark {
    @Param({"keys", "chords", "noise", "silence"})
    public String audio;

    private byte[] payload;
    private int at;
    private InbandDetector detector;
    private long keys;

    @Setup
    public void setUp() {
        Pcm pcm = switch (audio) {
            case "keys" -> keys();
            case "chords" -> ToneGenerator.tone(2000, 0.2, 523.25, 698.46, 1174.66).concat(
                    ToneGenerator.tone(2000, 0.2, 587.33, 880.0, 1244.51));
            case "noise" -> noise();
            case "silence" -> Pcm.silence(4000);
            default -> throw new IllegalArgumentException("audio=" + audio);
        };
        short[] s = pcm.samples();
        payload = new byte[s.length - s.length % Codec.FRAME_SAMPLES];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = Codec.PCMU.encode(s[i]);
        }
        detector = new InbandDetector(key -> keys++);
    }

    @Benchmark
    public void packet(Blackhole hole) {
        detector.onEncoded(Codec.PCMU, payload, at, Codec.FRAME_SAMPLES);
        at = (at + Codec.FRAME_SAMPLES) % payload.length;
        hole.consume(keys);
    }

    private static Pcm keys() {
        Pcm pcm = Pcm.silence(0);
        for (char key : "0123456789*#".toCharArray()) {
            pcm = pcm.concat(ToneGenerator.dtmf(key, 200), Pcm.silence(100));
        }
        return pcm;
    }

    private static Pcm noise() {
        SplittableRandom random = new SplittableRandom(1);
        short[] s = new short[8000 * 4];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) random.nextInt(-8000, 8000);
        }
        return new Pcm(s);
    }
}
