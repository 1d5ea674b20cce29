package ivr.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

    private static short[] sine(double hz, int rate, double seconds) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (16000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    private static double db(double ratio) {
        return 10 * Math.log10(ratio);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 22050, 44100, 48000})
    void passesSpeechBandAndKeepsDuration(int rate) {
        short[] out = new Resampler(rate).toNarrowband(sine(1000, rate, 1.0));
        assertEquals(8000, out.length, 1);
        double in = Goertzel.power(sine(1000, 8000, 1.0), 1000);
        // skip the filter's edges
        double got = Goertzel.power(out, 400, 7200, 1000, 8000);
        assertTrue(Math.abs(db(got / in)) < 1.0, "1 kHz changed by " + db(got / in) + " dB at " + rate);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 22050, 44100, 48000})
    void removesContentAboveNyquistInsteadOfAliasing(int rate) {
        // 6 kHz would fold to 2 kHz at 8 kHz sampling
        short[] out = new Resampler(rate).toNarrowband(sine(6000, rate, 1.0));
        double reference = Goertzel.power(sine(2000, 8000, 1.0), 2000);
        double alias = Goertzel.power(out, 400, 7200, 2000, 8000);
        assertTrue(db(alias / reference) < -50, "alias at " + db(alias / reference) + " dB from " + rate + " Hz");
    }

    @ParameterizedTest
    @ValueSource(ints = {11025, 32000, 96000})
    void rejectsOtherRates(int rate) {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(rate));
    }
}
