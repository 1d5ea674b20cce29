package ivr.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompts by file path, loaded and encoded once. A file that changed on disk (size or
 * modification time) is loaded again, so a config reload picks up a re-recorded prompt while
 * calls still playing the old one keep their copy. Called at config load, never on an event loop.
 */
public final class PromptCache {
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(long modifiedMs, long size, Prompt prompt) {
    }

    public Prompt get(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(key, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read prompt file (" + e.getMessage() + ")", e);
        }
        long modified = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        try {
            return entries.compute(key, (k, old) -> {
                if (old != null && old.modifiedMs == modified && old.size == size) {
                    return old;
                }
                try {
                    return new Entry(modified, size, Prompt.of(file.toString(), WavReader.readPrompt(k)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).prompt();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }
}
