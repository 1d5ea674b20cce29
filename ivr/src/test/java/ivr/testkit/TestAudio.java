package ivr.testkit;

import ivr.audio.Pcm;
import ivr.audio.Resampler;
import ivr.audio.ToneGenerator;
import java.util.Random;

/**
 * Synthetic audio at 8 kHz for tests that must tell a DTMF key from what a line also carries:
 * speech-like voicing, hold-music-like notes, noise. Seeded, so every run hears the same.
 */
public final class TestAudio {
    private TestAudio() {
    }

    /** Voiced sounds: a gliding pitch with its harmonics shaped by formants moving through the DTMF band. */
    public static Pcm speechLike(int seconds, long seed) {
        Random random = new Random(seed);
        short[] s = new short[8000 * seconds];
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
        return new Pcm(s);
    }

    /**
     * Notes of two octaves with overtones, every third a chord whose notes come near a DTMF pair
     * (F5 with D6 or D#6): what hold music throws at a detector.
     */
    public static Pcm musicLike(int notes, long seed) {
        double[] scale = {523.25, 587.33, 659.26, 698.46, 783.99, 880.0, 987.77, 1046.5, 1174.66, 1244.51, 1318.5, 1396.9};
        Random random = new Random(seed);
        Pcm music = Pcm.silence(0);
        for (int n = 0; n < notes; n++) {
            double a = scale[random.nextInt(scale.length)];
            double b = n % 3 == 0 ? scale[3] : scale[random.nextInt(scale.length)];
            double c = n % 3 == 0 ? scale[8 + random.nextInt(2)] : scale[random.nextInt(scale.length)];
            music = music.concat(note(150 + random.nextInt(250), a, b, c));
        }
        return music;
    }

    /** Gaussian noise of the given standard deviation (in 16-bit sample units). */
    public static Pcm noise(int seconds, double deviation, long seed) {
        Random random = new Random(seed);
        short[] s = new short[8000 * seconds];
        for (int i = 0; i < s.length; i++) {
            s[i] = Resampler.clip(random.nextGaussian() * deviation);
        }
        return new Pcm(s);
    }

    /** Two sines of their own amplitudes (0..1 of full scale), as a line with twist carries a key. */
    public static Pcm dual(double low, double lowAmplitude, double high, double highAmplitude, int ms) {
        return mix(ToneGenerator.tone(ms, lowAmplitude, low), ToneGenerator.tone(ms, highAmplitude, high), 1);
    }

    /** {@code a} plus {@code b} scaled by {@code gain}, as long as {@code a}. */
    public static Pcm mix(Pcm a, Pcm b, double gain) {
        short[] s = new short[a.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Resampler.clip(a.samples()[i] + (i < b.length() ? b.samples()[i] * gain : 0));
        }
        return new Pcm(s);
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
}
