package ivr.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM WAV files, and the 44-byte header a streaming writer patches at close. */
public final class WavWriter {
    public static final int HEADER_BYTES = 44;
    /** Offsets of the two length fields a streaming writer fills in at the end. */
    public static final int RIFF_SIZE_OFFSET = 4;
    public static final int DATA_SIZE_OFFSET = 40;

    private WavWriter() {
    }

    /** A canonical PCM header; {@code dataBytes} may be 0 while the length is still unknown. */
    public static ByteBuffer header(int channels, int sampleRate, long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * 2;
        b.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
        b.putInt(0x61746164).putInt((int) dataBytes);
        return b.flip();
    }

    /** Little-endian bytes of interleaved samples. */
    public static byte[] toBytes(short[] samples, int from, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples, from, count);
        return b.array();
    }

    public static void write(Path file, Pcm mono) throws IOException {
        write(file, 1, Codec.SAMPLE_RATE, mono.samples());
    }

    public static void write(Path file, int channels, int sampleRate, short[] interleaved) throws IOException {
        byte[] data = toBytes(interleaved, 0, interleaved.length);
        ByteBuffer header = header(channels, sampleRate, data.length);
        byte[] out = new byte[HEADER_BYTES + data.length];
        header.get(out, 0, HEADER_BYTES);
        System.arraycopy(data, 0, out, HEADER_BYTES, data.length);
        Files.write(file, out);
    }
}
