package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import config.model.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule for storage paths: a relative one resolves against the directory of the config file,
 * whatever the working directory, like the sound files; an absolute one stays as written.
 */
class StoragePathsTest {
    @TempDir
    Path dir;

    /** Writes {@code etc/acd.yaml} and loads it through a path relative to the working directory. */
    private Storage storage(String section) throws IOException {
        Path file = Files.createDirectories(dir.resolve("etc")).resolve("acd.yaml");
        Files.writeString(file, "sip: { domain: acd.example.com }\nhttp: { token: t }\n" + section);
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        LoadResult r = new ConfigLoader(Map.of()).load(relative);
        assertEquals(List.of(), r.errors());
        return r.config().storage();
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectory() throws IOException {
        Storage s = storage("storage: { dir: ./data, recordings: ../recordings, queueLog: logs/queue_log }\n");
        assertEquals(dir.resolve("etc/data"), s.dir());
        assertEquals(dir.resolve("recordings"), s.recordings());
        assertEquals(dir.resolve("etc/logs/queue_log"), s.queueLog());
    }

    @Test
    void defaultsAreBesideTheConfigFileAndRecordingsFollowDir() throws IOException {
        Storage s = storage("");
        assertEquals(dir.resolve("etc/data"), s.dir());
        assertEquals(dir.resolve("etc/data/recordings"), s.recordings());

        Storage absolute = storage("storage: { dir: /var/lib/acd }\n");
        assertEquals(Path.of("/var/lib/acd"), absolute.dir());
        assertEquals(Path.of("/var/lib/acd/recordings"), absolute.recordings());
    }
}
