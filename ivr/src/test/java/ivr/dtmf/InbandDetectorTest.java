package ivr.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.Resampler;
import ivr.audio.ToneGenerator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InbandDetectorTest {
    private static final String ALL_KEYS = "0123456789*#ABCD";
    private final StringBuilder keys = new StringBuilder();
    private final InbandDetector detector = new InbandDetector(keys::append);

    private static Pcm key(char key, int ms) {
        return ToneGenerator.dtmf(key, ms);
    }

    private static Pcm gap(int ms) {
        return Pcm.silence(ms);
    }

    /** Feeds {@code audio} in 20 ms packets, encoded and decoded through {@code codec} as a leg would. */
    private String hear(Codec codec, Pcm audio) {
        short[] s = audio.samples();
        byte[] packet = new byte[Codec.FRAME_SAMPLES];
        keys.setLength(0);
        for (int at = 0; at < s.length; at += Codec.FRAME_SAMPLES) {
            int n = Math.min(Codec.FRAME_SAMPLES, s.length - at);
            for (int i = 0; i < n; i++) {
                packet[i] = codec.encode(s[at + i]);
            }
            detector.onEncoded(codec, packet, 0, n);
        }
        return keys.toString();
    }

    private String hear(Pcm audio) {
        keys.setLength(0);
        detector.onPcm(audio.samples(), 0, audio.length());
        return keys.toString();
    }

    @Test
    void everyKeyIsHeardOnce() {
        Pcm audio = gap(50);
        for (char k : ALL_KEYS.toCharArray()) {
            audio = audio.concat(key(k, 100), gap(60));
        }
        assertEquals(ALL_KEYS, hear(audio));
        assertEquals(16, detector.digitsReported());
    }

    @Test
    void keysSurviveEachCodecAndAnyPacketSize() {
        Pcm audio = gap(30).concat(key('1', 80), gap(50), key('5', 70), gap(45), key('9', 90), gap(50), key('#', 60), gap(40));
        for (Codec codec : Codec.values()) {
            assertEquals("159#", hear(codec, audio), codec.name());
        }
        InbandDetector odd = new InbandDetector(keys::append);
        keys.setLength(0);
        short[] s = audio.samples();
        for (int at = 0, n = 7; at < s.length; at += n, n = n * 3 % 97 + 1) {
            odd.onPcm(s, at, Math.min(n, s.length - at));
        }
        assertEquals("159#", keys.toString(), "packets of odd sizes");
    }

    @Test
    void aToneTooShortIsNotAKeyWhereverItFallsInTheBlocks() {
        for (int offset = 0; offset < InbandDetector.BLOCK; offset += 17) {
            Pcm lead = new Pcm(new short[offset]);
            assertEquals("", hear(lead.concat(key('3', 30), gap(100))), "30 ms at offset " + offset);
            assertEquals("7", hear(lead.concat(key('7', 55), gap(100))), "55 ms at offset " + offset);
        }
    }

    @Test
    void theSameKeyTwiceNeedsAGapBetween() {
        short[] cut = key('5', 200).samples().clone();
        java.util.Arrays.fill(cut, 800, 864, (short) 0);
        assertEquals("5", hear(new Pcm(cut).concat(gap(60))), "an 8 ms dropout is not a release");
        assertEquals("55", hear(key('5', 100).concat(gap(45), key('5', 100), gap(60))));
        assertEquals("56", hear(key('5', 100).concat(key('6', 100), gap(60))), "another key needs no gap");
    }

    @Test
    void levelAndTwistLimits() {
        assertEquals("8", hear(dual(852, 0.02, 1336, 0.02, 100).concat(gap(60))), "-34 dBFS per tone");
        assertEquals("8", hear(dual(852, 0.3, 1336, 0.3 / 2.2, 100).concat(gap(60))), "6.8 dB normal twist");
        assertEquals("8", hear(dual(852, 0.3 / 1.4, 1336, 0.3, 100).concat(gap(60))), "2.9 dB reverse twist");
        assertEquals("", hear(dual(852, 0.004, 1336, 0.004, 100)), "too quiet");
        assertEquals("", hear(dual(852, 0.3, 1336, 0.3 / 3.5, 100)), "11 dB normal twist");
        assertEquals("", hear(dual(852, 0.3 / 2, 1336, 0.3, 100)), "6 dB reverse twist");
        assertEquals("", hear(dual(852, 0.3, 852, 0, 300)), "a single tone");
    }

    @Test
    void noiseIsNoKey() {
        Random random = new Random(7);
        short[] s = new short[8000 * 10];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (random.nextGaussian() * 6000);
        }
        assertEquals("", hear(Codec.PCMU, new Pcm(s)));
        assertEquals("4", hear(Codec.PCMU, mix(key('4', 120).concat(gap(60)), new Pcm(s), 0.05)), "a key over faint noise");
    }

    @Test
    void speechLikeAudioIsNoKey() {
        // voiced sounds: a gliding pitch with its harmonics shaped by formants moving through the DTMF band
        Random random = new Random(11);
        short[] s = new short[8000 * 20];
        double phase = 0;
        for (int i = 0; i < s.length; i++) {
            double t = i / 8000.0;
            double pitch = 110 + 60 * Math.sin(2 * Math.PI * 0.7 * t) + 30 * Math.sin(2 * Math.PI * 3.1 * t);
            double f1 = 650 + 250 * Math.sin(2 * Math.PI * 1.3 * t);
            double f2 = 1300 + 350 * Math.sin(2 * Math.PI * 0.9 * t);
            phase += 2 * Math.PI * pitch / 8000;
            double v = 0;
            for (int h = 1; h * pitch < 3800; h++) {
                double f = h * pitch;
                double gain = formant(f, f1, 90) + 0.7 * formant(f, f2, 120) + 0.05;
                v += gain * Math.sin(h * phase) / Math.sqrt(h);
            }
            s[i] = Resampler.clip(v * 2500 + random.nextGaussian() * 200);
        }
        assertEquals("", hear(Codec.PCMA, new Pcm(s)));
    }

    @Test
    void musicLikeAudioIsNoKey() {
        // notes of two octaves with overtones, and chords whose notes come near DTMF pairs (F5 with D6 or D#6)
        double[] scale = {523.25, 587.33, 659.26, 698.46, 783.99, 880.0, 987.77, 1046.5, 1174.66, 1244.51, 1318.5, 1396.9};
        Random random = new Random(3);
        Pcm music = gap(0);
        for (int n = 0; n < 120; n++) {
            double a = scale[random.nextInt(scale.length)];
            double b = n % 3 == 0 ? scale[3] : scale[random.nextInt(scale.length)];
            double c = n % 3 == 0 ? scale[8 + random.nextInt(2)] : scale[random.nextInt(scale.length)];
            music = music.concat(note(150 + random.nextInt(250), a, b, c));
        }
        assertEquals("", hear(Codec.PCMU, music));
    }

    private static double formant(double f, double centre, double width) {
        double d = (f - centre) / width;
        return 1 / (1 + d * d);
    }

    /** A chord of instrument-like notes: each with three overtones and a decay. */
    private static Pcm note(int ms, double... fundamentals) {
        short[] s = new short[ms * 8];
        for (int i = 0; i < s.length; i++) {
            double v = 0;
            for (double f : fundamentals) {
                for (int h = 1; h <= 4 && h * f < 4000; h++) {
                    v += Math.sin(2 * Math.PI * h * f * i / 8000) / h;
                }
            }
            s[i] = Resampler.clip(v * 3000 * Math.exp(-i / 4000.0));
        }
        return new Pcm(s);
    }

    private static Pcm dual(double low, double lowAmplitude, double high, double highAmplitude, int ms) {
        short[] a = ToneGenerator.tone(ms, lowAmplitude, low).samples();
        short[] b = ToneGenerator.tone(ms, highAmplitude, high).samples();
        short[] s = new short[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Resampler.clip(a[i] + b[i]);
        }
        return new Pcm(s);
    }

    private static Pcm mix(Pcm signal, Pcm noise, double noiseGain) {
        short[] s = new short[signal.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Resampler.clip(signal.samples()[i] + noise.samples()[i] * noiseGain);
        }
        return new Pcm(s);
    }
}
