package config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes small WAV files for tests, and finds the shipped configs. */
public final class Wavs {
    private Wavs() {
    }

    public static Path write(Path file, AudioFormat format) {
        try {
            Files.createDirectories(file.getParent());
            int frames = (int) format.getSampleRate() / 10;
            byte[] silence = new byte[frames * format.getFrameSize()];
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(silence), format, frames)) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 8 kHz mono 16-bit PCM, the format of the default sounds. */
    public static Path write(Path file) {
        return write(file, new AudioFormat(8000, 16, 1, true, false));
    }

    /** The module directory (config/), where the shipped configs live. */
    public static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("acd.yaml")) ? here : here.resolve("config");
    }
}
