package ivr.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: 16-bit PCM, G.711 µ-law and A-law, also in WAVE_FORMAT_EXTENSIBLE
 * wrapping. {@link #readPrompt(Path)} turns a file into 8 kHz mono audio for a prompt and
 * rejects what a phone cannot be given with an error naming the file and its format.
 */
public final class WavReader {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /** A prompt's audio: mono, resampled to 8 kHz if it was 16, 22.05, 44.1 or 48 kHz PCM. */
    public static Pcm readPrompt(Path file) throws IOException {
        WavData wav = read(file);
        if (wav.channels() != 1) {
            throw unsupported(file, wav);
        }
        if (wav.encoding() != WavData.Encoding.PCM16) {
            if (wav.sampleRate() != Codec.SAMPLE_RATE) {
                throw unsupported(file, wav);
            }
            return new Pcm(wav.samples());
        }
        if (!Resampler.isSupported(wav.sampleRate())) {
            throw unsupported(file, wav);
        }
        return new Pcm(new Resampler(wav.sampleRate()).toNarrowband(wav.samples()));
    }

    private static WavFormatException unsupported(Path file, WavData wav) {
        return new WavFormatException(file, "unsupported audio format " + wav.describe()
                + "; a prompt must be mono 16-bit PCM at 8000, 16000, 22050, 44100 or 48000 Hz,"
                + " or mono G.711 µ-law/A-law at 8000 Hz");
    }

    /** Any WAV of a supported encoding, every channel and rate as stored. */
    public static WavData read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 12 || buf.getInt(0) != 0x46464952 /* RIFF */
                || buf.getInt(8) != 0x45564157 /* WAVE */) {
            throw new WavFormatException(file, "not a RIFF/WAVE file");
        }
        buf.position(12);
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (buf.remaining() >= 8) {
            int id = buf.getInt();
            long size = Integer.toUnsignedLong(buf.getInt());
            int body = buf.position();
            if (id == 0x20746d66 /* "fmt " */) {
                if (size < 16 || size > buf.remaining()) {
                    throw new WavFormatException(file, "truncated fmt chunk");
                }
                format = buf.getShort() & 0xFFFF;
                channels = buf.getShort() & 0xFFFF;
                rate = buf.getInt();
                buf.getInt(); // byte rate
                buf.getShort(); // block align
                bits = buf.getShort() & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40) {
                    format = buf.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
            } else if (id == 0x61746164 /* "data" */) {
                if (format < 0) {
                    throw new WavFormatException(file, "data chunk before fmt chunk");
                }
                // A writer that died leaves 0 or 0xFFFFFFFF here: take what the file holds.
                int length = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, buf.remaining());
                return decode(file, buf, length, format, channels, rate, bits);
            }
            long next = body + size + (size & 1);
            if (next > buf.limit()) {
                break;
            }
            buf.position((int) next);
        }
        throw new WavFormatException(file, format < 0 ? "no fmt chunk" : "no data chunk");
    }

    private static WavData decode(Path file, ByteBuffer buf, int length, int format, int channels,
            int rate, int bits) throws WavFormatException {
        if (channels < 1 || rate <= 0) {
            throw new WavFormatException(file, "bad fmt chunk: " + channels + " channels, " + rate + " Hz");
        }
        if (format == FORMAT_PCM && bits == 16) {
            short[] samples = new short[length / 2 / channels * channels];
            buf.asShortBuffer().get(samples);
            return new WavData(WavData.Encoding.PCM16, channels, rate, samples);
        }
        if ((format == FORMAT_ULAW || format == FORMAT_ALAW) && bits == 8) {
            boolean ulaw = format == FORMAT_ULAW;
            short[] samples = new short[length / channels * channels];
            for (int i = 0; i < samples.length; i++) {
                byte b = buf.get();
                samples[i] = ulaw ? G711.ulawToLinear(b) : G711.alawToLinear(b);
            }
            return new WavData(ulaw ? WavData.Encoding.ULAW : WavData.Encoding.ALAW, channels, rate, samples);
        }
        throw new WavFormatException(file, "unsupported encoding: format tag " + format + ", " + bits
                + " bits, " + channels + " channel(s), " + rate + " Hz; expected 16-bit PCM or 8-bit G.711");
    }
}
