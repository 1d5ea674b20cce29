package config.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.Wavs;
import config.validate.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the file reloads it: in place, by an editor's write-and-rename, and not for other files. */
class ConfigWatcherTest {
    private static final long WAIT_S = 30;

    @TempDir
    Path dir;
    Path file;
    ConfigReloader reloader;
    ConfigWatcher watcher;
    final BlockingQueue<ReloadStatus> statuses = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        Wavs.write(dir.resolve("sounds/welcome.wav"));
        file = dir.resolve("acd.yaml");
        Files.writeString(file, ReloadTest.CONFIG);
        ConfigLoader loader = new ConfigLoader(Map.of());
        reloader = new ConfigReloader(file, loader, loader.load(file).config(), Clock.systemUTC());
        reloader.onStatus(statuses::add);
        watcher = reloader.watch(Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    private ReloadStatus next() throws InterruptedException {
        ReloadStatus s = statuses.poll(WAIT_S, TimeUnit.SECONDS);
        assertNotNull(s, "no reload within " + WAIT_S + "s");
        return s;
    }

    /**
     * Waits until a reload leaves {@code strategy} in force. A save in place may be seen half
     * written (a rejected reload, then the good one), so statuses on the way are not judged.
     */
    private void awaitStrategy(String strategy) throws InterruptedException {
        while (!reloader.current().queue("sales").orElseThrow().strategy().configName().equals(strategy)) {
            next();
        }
    }

    /** Saves the way many editors do: write a new file, rename it over the old one. */
    private void saveAtomically(String yaml) throws IOException {
        Path tmp = dir.resolve(".acd.yaml.swp");
        Files.writeString(tmp, yaml);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void savingInPlaceReloads() throws Exception {
        Files.writeString(file, ReloadTest.CONFIG.replace("strategy: priority", "strategy: ring-all"));
        awaitStrategy("ring-all");
        assertEquals("file changed", reloader.lastStatus().trigger());
        assertTrue(reloader.lastStatus().ok());
    }

    @Test
    void atomicRenameReloads() throws Exception {
        saveAtomically(ReloadTest.CONFIG.replace("strategy: priority", "strategy: fewest-calls"));
        ReloadStatus s = next();
        assertTrue(s.ok(), s.errors().toString());
        assertEquals("queues: ~sales", s.diff().toString());
    }

    @Test
    void invalidSaveIsRejectedThenAFixIsApplied() throws Exception {
        saveAtomically(ReloadTest.CONFIG.replace("strategy: priority", "strategy: fastest"));
        ReloadStatus bad = next();
        assertFalse(bad.ok());
        assertEquals("queues[0].strategy", bad.errors().get(0).path());
        assertEquals("priority", reloader.current().queue("sales").orElseThrow().strategy().configName());
        saveAtomically(ReloadTest.CONFIG.replace("strategy: priority", "strategy: round-robin"));
        assertTrue(next().ok());
        assertEquals("round-robin", reloader.current().queue("sales").orElseThrow().strategy().configName());
    }

    @Test
    void configMapStyleSymlinkSwapReloads() throws Exception {
        watcher.close();
        // dir/acd.yaml -> ..data/acd.yaml, ..data -> v1; an update writes v2 and swaps ..data atomically
        Path mount = Files.createDirectories(dir.resolve("mount"));
        Files.createDirectories(mount.resolve("v1/sounds"));
        Files.copy(dir.resolve("sounds/welcome.wav"), mount.resolve("v1/sounds/welcome.wav"));
        Files.writeString(mount.resolve("v1/acd.yaml"), ReloadTest.CONFIG);
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("v1"));
        Path link = Files.createSymbolicLink(mount.resolve("acd.yaml"), Path.of("..data/acd.yaml"));
        Files.createSymbolicLink(mount.resolve("sounds"), Path.of("..data/sounds"));
        ConfigLoader loader = new ConfigLoader(Map.of());
        reloader = new ConfigReloader(link, loader, loader.load(link).config(), Clock.systemUTC());
        reloader.onStatus(statuses::add);
        watcher = reloader.watch(Duration.ofMillis(50));

        Files.createDirectories(mount.resolve("v2/sounds"));
        Files.copy(dir.resolve("sounds/welcome.wav"), mount.resolve("v2/sounds/welcome.wav"));
        Files.writeString(mount.resolve("v2/acd.yaml"), ReloadTest.CONFIG.replace("strategy: priority", "strategy: ring-all"));
        Files.createSymbolicLink(mount.resolve("..data_tmp"), Path.of("v2"));
        Files.move(mount.resolve("..data_tmp"), mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        awaitStrategy("ring-all");
    }

    @Test
    void otherFilesInTheDirectoryAreIgnored() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not the config");
        // a marker save after the unrelated write: the first reload seen must be the marker's
        saveAtomically(ReloadTest.CONFIG.replace("strategy: priority", "strategy: longest-idle"));
        ReloadStatus s = next();
        assertEquals("queues: ~sales", s.diff().toString());
        assertEquals(0, statuses.size());
    }
}
