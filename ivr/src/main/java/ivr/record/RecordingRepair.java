package ivr.record;

import ivr.audio.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up repair of recordings a crash left open: their header still says 0 bytes of audio
 * (it is completed only at the end of the call). The lengths are set from the file size, a
 * trailing partial frame is cut off, and the audio is kept. Run before the writer starts.
 */
public final class RecordingRepair {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRepair.class);

    private RecordingRepair() {
    }

    /** Repairs every {@code .wav} under {@code dir}; returns the files it changed. */
    public static List<Path> repair(Path dir) throws IOException {
        List<Path> repaired = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return repaired;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".wav") && Files.isRegularFile(p)).toList();
        }
        for (Path f : files) {
            try {
                if (repairFile(f)) {
                    repaired.add(f);
                }
            } catch (IOException e) {
                LOG.warn("recording {} could not be repaired", f, e);
            }
        }
        if (!repaired.isEmpty()) {
            LOG.info("repaired {} recording(s) left unfinished: {}", repaired.size(), repaired);
        }
        return repaired;
    }

    /** Fixes one file written by {@link RecordingWriter}; false if it was fine or is not ours. */
    static boolean repairFile(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < WavWriter.HEADER_BYTES) {
                return false;
            }
            ByteBuffer h = ByteBuffer.allocate(WavWriter.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
                // read the whole header
            }
            boolean canonical = h.getInt(0) == 0x46464952 && h.getInt(8) == 0x45564157 && h.getInt(12) == 0x20746d66
                    && h.getInt(16) == 16 && h.getShort(20) == 1 && h.getInt(36) == 0x61746164;
            if (!canonical) {
                return false;
            }
            int blockAlign = h.getShort(32);
            long data = size - WavWriter.HEADER_BYTES;
            data -= data % Math.max(1, blockAlign);
            if (Integer.toUnsignedLong(h.getInt(WavWriter.DATA_SIZE_OFFSET)) == data
                    && Integer.toUnsignedLong(h.getInt(WavWriter.RIFF_SIZE_OFFSET)) == data + 36) {
                return false;
            }
            ch.truncate(WavWriter.HEADER_BYTES + data);
            ByteBuffer fixed = WavWriter.header(h.getShort(22), h.getInt(24), data);
            ch.write(fixed, 0);
            ch.force(false);
            return true;
        }
    }
}
