package ivr.audio;

import java.util.Arrays;

/** Mono 16-bit linear audio at 8 kHz: what every prompt becomes after loading. */
public final class Pcm {
    private final short[] samples;

    public Pcm(short[] samples) {
        this.samples = samples;
    }

    public static Pcm silence(int durationMs) {
        return new Pcm(new short[durationMs * Codec.SAMPLE_RATE / 1000]);
    }

    /** The samples; shared, do not modify. */
    public short[] samples() {
        return samples;
    }

    public int length() {
        return samples.length;
    }

    public long durationMs() {
        return samples.length * 1000L / Codec.SAMPLE_RATE;
    }

    /** This audio followed by the others. */
    public Pcm concat(Pcm... others) {
        int total = samples.length;
        for (Pcm o : others) {
            total += o.samples.length;
        }
        short[] out = Arrays.copyOf(samples, total);
        int at = samples.length;
        for (Pcm o : others) {
            System.arraycopy(o.samples, 0, out, at, o.samples.length);
            at += o.samples.length;
        }
        return new Pcm(out);
    }
}
