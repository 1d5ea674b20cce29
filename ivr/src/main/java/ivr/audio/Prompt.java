package ivr.audio;

import java.util.Arrays;

/**
 * Audio ready to send: encoded once to PCMU and PCMA and cut into 20 ms frames of 160 bytes
 * (the last one padded with silence), shared read-only by every call that plays it.
 */
public final class Prompt {
    private final String name;
    private final Pcm pcm;
    private final byte[][] ulawFrames;
    private final byte[][] alawFrames;

    private Prompt(String name, Pcm pcm) {
        this.name = name;
        this.pcm = pcm;
        this.ulawFrames = frames(pcm.samples(), Codec.PCMU);
        this.alawFrames = frames(pcm.samples(), Codec.PCMA);
    }

    public static Prompt of(String name, Pcm pcm) {
        return new Prompt(name, pcm);
    }

    private static byte[][] frames(short[] samples, Codec codec) {
        int count = (samples.length + Codec.FRAME_SAMPLES - 1) / Codec.FRAME_SAMPLES;
        byte[][] frames = new byte[count][];
        for (int f = 0; f < count; f++) {
            byte[] frame = new byte[Codec.FRAME_SAMPLES];
            Arrays.fill(frame, codec.silence());
            int base = f * Codec.FRAME_SAMPLES;
            int n = Math.min(Codec.FRAME_SAMPLES, samples.length - base);
            for (int i = 0; i < n; i++) {
                frame[i] = codec.encode(samples[base + i]);
            }
            frames[f] = frame;
        }
        return frames;
    }

    /** Where it came from (a path or a generated tone's description), for logs. */
    public String name() {
        return name;
    }

    public Pcm pcm() {
        return pcm;
    }

    public int frameCount() {
        return ulawFrames.length;
    }

    public long durationMs() {
        return (long) frameCount() * Codec.FRAME_MS;
    }

    /** Frame {@code index} in {@code codec}: 160 bytes, shared, never modify it. */
    public byte[] frame(Codec codec, int index) {
        return codec == Codec.PCMU ? ulawFrames[index] : alawFrames[index];
    }

    @Override
    public String toString() {
        return "Prompt[" + name + ", " + durationMs() + " ms]";
    }
}
