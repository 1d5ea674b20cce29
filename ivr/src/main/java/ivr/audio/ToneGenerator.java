package ivr.audio;

/** Sine tones at 8 kHz: beeps, confirmation tones, DTMF, and test signals. */
public final class ToneGenerator {
    /** Fade in and out over 5 ms so a tone does not click. */
    private static final int RAMP_SAMPLES = 40;

    private static final double[] DTMF_LOW = {697, 770, 852, 941};
    private static final double[] DTMF_HIGH = {1209, 1336, 1477, 1633};
    private static final String DTMF_KEYS = "123A456B789C*0#D";

    private ToneGenerator() {
    }

    /** The sum of the given frequencies, each at {@code amplitude} (0..1 of full scale). */
    public static Pcm tone(int durationMs, double amplitude, double... frequenciesHz) {
        int n = durationMs * Codec.SAMPLE_RATE / 1000;
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (double f : frequenciesHz) {
                v += Math.sin(2 * Math.PI * f * i / Codec.SAMPLE_RATE);
            }
            double ramp = Math.min(1, Math.min(i, n - 1 - i) / (double) RAMP_SAMPLES);
            out[i] = Resampler.clip(v * amplitude * ramp * Short.MAX_VALUE);
        }
        return new Pcm(out);
    }

    /** The voicemail "record after the tone" beep: 1 kHz, 400 ms. */
    public static Prompt beep() {
        return Prompt.of("beep 1000 Hz", tone(400, 0.5, 1000));
    }

    /** A rising two-note tone that confirms a feature code. */
    public static Prompt confirmation() {
        return Prompt.of("confirmation tone", tone(150, 0.4, 660).concat(tone(150, 0.4, 880)));
    }

    /** The in-band DTMF tone of a key (0-9, *, #, A-D). */
    public static Pcm dtmf(char key, int durationMs) {
        int i = DTMF_KEYS.indexOf(Character.toUpperCase(key));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        return tone(durationMs, 0.35, DTMF_LOW[i / 4], DTMF_HIGH[i % 4]);
    }
}
