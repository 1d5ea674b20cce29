package config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes small WAV files for tests, and copies configs next to the sounds they name. */
public final class Wavs {
    private static final Pattern SOUND = Pattern.compile("[\\w./-]*sounds/[\\w.-]+\\.wav");

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

    /** Copies {@code config} to {@code dir}/{@code name} and writes every sound it names, relative to the copy. */
    public static Path copyWithSounds(Path config, Path dir, String name) {
        try {
            String text = Files.readString(config);
            Path copy = dir.resolve(name);
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, text);
            Matcher m = SOUND.matcher(text);
            while (m.find()) {
                Path sound = copy.getParent().resolve(m.group()).normalize();
                if (!Files.exists(sound) && !m.group().contains("no-such-file")) {
                    write(sound);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module directory (config/), where the shipped configs live. */
    public static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("acd.yaml")) ? here : here.resolve("config");
    }
}
