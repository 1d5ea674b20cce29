package config.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks that a sound file is one the IVR can play: a readable WAV file, mono, 16-bit PCM or
 * G.711 (µ-law, A-law), at 8 kHz or a rate the IVR resamples from.
 */
public final class Sounds {
    /** Sample rates the ivr module plays (8000 Hz natively, the others resampled). */
    public static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 22050, 44100, 48000);

    private final Path baseDir;
    /** One load checks each file once, however many queues and menus name it. */
    private final Map<String, Optional<String>> checked = new HashMap<>();

    Sounds(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The problem with the file at {@code written} (relative to the config file), if any. */
    Optional<String> problem(String written) {
        return checked.computeIfAbsent(written, this::check);
    }

    private Optional<String> check(String written) {
        Path file = baseDir.resolve(written).normalize();
        String name = "sound file \"" + written + "\"";
        if (!Files.exists(file)) {
            return Optional.of(name + " not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.of(name + " is not a readable file");
        }
        AudioFileFormat ff;
        try {
            ff = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            return Optional.of(name + " is not a supported audio file (expected WAV)");
        } catch (IOException e) {
            return Optional.of(name + " could not be read: " + e.getMessage());
        }
        if (ff.getType() != AudioFileFormat.Type.WAVE) {
            return Optional.of(name + " is " + ff.getType() + ", expected WAV");
        }
        return formatProblem(ff.getFormat()).map(p -> name + ": " + p);
    }

    static Optional<String> formatProblem(AudioFormat f) {
        AudioFormat.Encoding enc = f.getEncoding();
        boolean pcm16 = enc == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16;
        boolean g711 = enc == AudioFormat.Encoding.ULAW || enc == AudioFormat.Encoding.ALAW;
        if (!pcm16 && !g711) {
            return Optional.of("unsupported encoding " + enc + " " + f.getSampleSizeInBits()
                    + "-bit (expected 16-bit PCM, µ-law or A-law)");
        }
        if (f.getChannels() != 1) {
            return Optional.of(f.getChannels() + " channels, expected mono");
        }
        int rate = Math.round(f.getSampleRate());
        if (!SAMPLE_RATES.contains(rate)) {
            return Optional.of("sample rate " + rate + " Hz is not supported (use 8000 Hz, or 16000, 22050, 44100 or 48000)");
        }
        return Optional.empty();
    }
}
