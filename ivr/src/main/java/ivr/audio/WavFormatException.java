package ivr.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A WAV file this server cannot play; the message names the file and what is wrong with it. */
public final class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WavFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
