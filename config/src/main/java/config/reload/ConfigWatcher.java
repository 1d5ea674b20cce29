package config.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back once a config file has been saved and then left alone for the debounce time.
 * It watches the file's directory, not the file: editors often save by writing a new file and
 * renaming it over the old one, which a watch on the old file would miss. Several events in a
 * burst (truncate, write, rename) give one callback. When the file is a symbolic link (as a
 * Kubernetes ConfigMap mounts it: {@code acd.yaml -> ..data/acd.yaml}, with {@code ..data}
 * swapped to a new directory on update), any change in the directory counts.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

    private final Path dir;
    private final Path name;
    private final boolean anyChange;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService watchService;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private ScheduledFuture<?> pending;

    private ConfigWatcher(Path file, Duration debounce, Runnable onChange) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        this.dir = absolute.getParent();
        this.name = absolute.getFileName();
        this.anyChange = Files.isSymbolicLink(absolute);
        this.debounce = debounce;
        this.onChange = onChange;
        this.watchService = dir.getFileSystem().newWatchService();
        dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "config-reload"));
        this.thread = daemon(this::run, "config-watcher");
    }

    /** Starts watching {@code file}; {@code onChange} runs on the watcher's own thread. */
    public static ConfigWatcher start(Path file, Duration debounce, Runnable onChange) throws IOException {
        ConfigWatcher w = new ConfigWatcher(file, debounce, onChange);
        w.thread.start();
        return w;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    relevant |= anyChange || event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
                }
                if (relevant) {
                    schedule();
                }
                if (!key.reset()) {
                    log.warn("config directory {} is no longer watched (deleted?); reload with SIGHUP instead", dir);
                    return;
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::fire, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.error("config reload after a change of {} failed", dir.resolve(name), e);
        }
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            log.warn("closing the config watcher", e);
        }
        timer.shutdownNow();
    }
}
