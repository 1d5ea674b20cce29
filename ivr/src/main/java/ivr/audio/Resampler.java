package ivr.audio;

/**
 * Converts wideband audio to the 8 kHz of G.711 with a windowed-sinc low-pass (Blackman
 * window, cut-off 3.6 kHz), so content above 4 kHz is removed instead of folding back as
 * aliases. The kernel is tabulated once per rate and read with linear interpolation, which
 * handles fractional ratios such as 22050 -> 8000.
 */
public final class Resampler {
    /** Input rates we convert; anything else is rejected at load. */
    public static final int[] SUPPORTED_RATES = {8000, 16000, 22050, 44100, 48000};

    private static final double CUTOFF_HZ = 3600;
    /** Zero crossings of the sinc on each side: sets the steepness of the filter. */
    private static final int ZERO_CROSSINGS = 16;
    /** Kernel table points per input sample. */
    private static final int TABLE_STEPS = 128;

    private final int inRate;
    private final double step;
    private final double halfWidth;
    private final float[] kernel;

    public Resampler(int inRate) {
        if (!isSupported(inRate)) {
            throw new IllegalArgumentException("sample rate " + inRate + " Hz is not supported");
        }
        this.inRate = inRate;
        this.step = (double) inRate / Codec.SAMPLE_RATE;
        double fc = CUTOFF_HZ / inRate; // cycles per input sample
        this.halfWidth = ZERO_CROSSINGS / (2 * fc);
        int n = (int) Math.ceil(halfWidth * TABLE_STEPS) + 2;
        this.kernel = new float[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i / TABLE_STEPS;
            kernel[i] = (float) (x >= halfWidth ? 0 : 2 * fc * sinc(2 * fc * x) * blackman(x / halfWidth));
        }
    }

    public static boolean isSupported(int rate) {
        for (int r : SUPPORTED_RATES) {
            if (r == rate) {
                return true;
            }
        }
        return false;
    }

    public int inRate() {
        return inRate;
    }

    public short[] toNarrowband(short[] in) {
        if (inRate == Codec.SAMPLE_RATE) {
            return in.clone();
        }
        int outLength = (int) ((long) in.length * Codec.SAMPLE_RATE / inRate);
        short[] out = new short[outLength];
        int reach = (int) Math.ceil(halfWidth);
        for (int n = 0; n < outLength; n++) {
            double t = n * step;
            int center = (int) t;
            int from = Math.max(0, center - reach + 1);
            int to = Math.min(in.length - 1, center + reach);
            double acc = 0;
            for (int k = from; k <= to; k++) {
                acc += in[k] * kernelAt(Math.abs(t - k));
            }
            out[n] = clip(acc);
        }
        return out;
    }

    private double kernelAt(double x) {
        double pos = x * TABLE_STEPS;
        int i = (int) pos;
        if (i + 1 >= kernel.length) {
            return 0;
        }
        double frac = pos - i;
        return kernel[i] + (kernel[i + 1] - kernel[i]) * frac;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Blackman window over [-1, 1], given |u|. */
    private static double blackman(double u) {
        double a = Math.PI * (u + 1); // maps [-1, 1] to [0, 2π]
        return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
    }

    public static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
