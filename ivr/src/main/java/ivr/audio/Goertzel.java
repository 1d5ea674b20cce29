package ivr.audio;

import java.util.Arrays;

/**
 * The power of one frequency in a block of samples (Goertzel algorithm): tells which tone a
 * channel of a recording or an RTP stream carries without a full FFT.
 */
public final class Goertzel {
    private Goertzel() {
    }

    /**
     * The power at each frequency of {@code coefficients} into {@code powers}, in one pass over the
     * samples: the filters' independent updates overlap, so several cost little more than one.
     * {@code state} is scratch of twice their number.
     */
    public static void powers(short[] samples, int from, int count, double[] coefficients, double[] state,
                              double[] powers) {
        int n = coefficients.length;
        Arrays.fill(state, 0, 2 * n, 0);
        for (int i = from; i < from + count; i++) {
            double x = samples[i] / 32768.0;
            for (int k = 0; k < n; k++) {
                double s0 = x + coefficients[k] * state[k] - state[n + k];
                state[n + k] = state[k];
                state[k] = s0;
            }
        }
        double norm = (double) count * count;
        for (int k = 0; k < n; k++) {
            double s1 = state[k];
            double s2 = state[n + k];
            powers[k] = (s1 * s1 + s2 * s2 - coefficients[k] * s1 * s2) / norm;
        }
    }

    /** Power at {@code frequencyHz}, normalised so a full-scale sine gives about 0.25. */
    public static double power(short[] samples, int from, int count, double frequencyHz, int sampleRate) {
        return power(samples, from, count, coefficient(frequencyHz, sampleRate));
    }

    /** The filter coefficient of a frequency, for callers that test it on block after block. */
    public static double coefficient(double frequencyHz, int sampleRate) {
        return 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
    }

    /** {@link #power(short[], int, int, double, int)} with the frequency's {@link #coefficient}. */
    public static double power(short[] samples, int from, int count, double coeff) {
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + count; i++) {
            double s0 = samples[i] / 32768.0 + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return p / ((double) count * count);
    }

    public static double power(short[] samples, double frequencyHz) {
        return power(samples, 0, samples.length, frequencyHz, Codec.SAMPLE_RATE);
    }
}
