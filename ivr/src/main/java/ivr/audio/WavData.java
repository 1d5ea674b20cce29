package ivr.audio;

/**
 * The contents of a WAV file as 16-bit linear samples, channels interleaved.
 *
 * @param encoding how the file stored the samples (they are linear here whatever it was)
 */
public record WavData(Encoding encoding, int channels, int sampleRate, short[] samples) {

    public enum Encoding {
        PCM16("16-bit PCM"),
        ULAW("G.711 µ-law"),
        ALAW("G.711 A-law");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Frames: samples per channel. */
    public int frames() {
        return samples.length / channels;
    }

    /** One channel's samples (0 = left). */
    public short[] channel(int index) {
        if (index < 0 || index >= channels) {
            throw new IllegalArgumentException("channel " + index + " of " + channels);
        }
        short[] out = new short[frames()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i * channels + index];
        }
        return out;
    }

    public String describe() {
        return channels + " channel(s), " + sampleRate + " Hz, " + encoding;
    }
}
