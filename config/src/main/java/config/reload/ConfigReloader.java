package config.reload;

import config.model.AcdConfig;
import config.validate.ConfigError;
import config.validate.ConfigLoader;
import config.validate.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the config in force and replaces it when asked (file saved, SIGHUP, admin API). A new
 * file is validated in full first: if it has any error, nothing changes, the errors are logged
 * and kept as the last status, and the running config stays in force. A valid file is handed
 * to every {@link ConfigListener} with the diff against the running one.
 */
public final class ConfigReloader {
    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final ConfigLoader loader;
    private final Clock clock;
    private final List<ConfigListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ReloadStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private volatile AcdConfig current;
    private volatile ReloadStatus lastStatus;

    /** @param initial the config the server started with, already loaded from {@code file} */
    public ConfigReloader(Path file, ConfigLoader loader, AcdConfig initial, Clock clock) {
        this.file = file;
        this.loader = loader;
        this.clock = clock;
        this.current = Objects.requireNonNull(initial, "initial");
        this.lastStatus = ReloadStatus.applied(clock.instant(), "start", ConfigDiff.between(initial, initial));
    }

    public Path file() {
        return file;
    }

    /** Listeners run in the order added, on the thread that calls {@link #reload}. */
    public void addListener(ConfigListener listener) {
        listeners.add(listener);
    }

    /** A debounce long enough for an editor's burst of writes, short enough to feel immediate. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    /** Told of every reload's outcome, applied or rejected. */
    public void onStatus(Consumer<ReloadStatus> listener) {
        statusListeners.add(listener);
    }

    public AcdConfig current() {
        return current;
    }

    public ReloadStatus lastStatus() {
        return lastStatus;
    }

    /** Reloads whenever the file is saved (and then left alone for {@code debounce}); close the watcher to stop. */
    public ConfigWatcher watch(Duration debounce) throws IOException {
        return ConfigWatcher.start(file, debounce, () -> reload("file changed"));
    }

    /** Reads the file again and applies it if valid; one reload at a time. */
    public synchronized ReloadStatus reload(String trigger) {
        LoadResult result = loader.load(file);
        ReloadStatus status;
        if (result.ok()) {
            ConfigDiff diff = ConfigDiff.between(current, result.config());
            current = result.config();
            for (ConfigListener l : listeners) {
                try {
                    l.apply(current, diff);
                } catch (RuntimeException e) {
                    log.error("config reload ({}): a listener failed to apply the new config", trigger, e);
                }
            }
            status = ReloadStatus.applied(clock.instant(), trigger, diff);
            log.info("config reloaded from {} ({}): {}", file, trigger, diff);
            if (!diff.restartNeeded().isEmpty()) {
                log.warn("config {}: changes to {} take effect after a restart", file, String.join(", ", diff.restartNeeded()));
            }
        } else {
            status = ReloadStatus.rejected(clock.instant(), trigger, result.errors());
            log.error("config reload ({}) rejected, the running config stays in force; {} error(s):", trigger, result.errors().size());
            for (ConfigError e : result.errors()) {
                log.error("  {}", e);
            }
        }
        lastStatus = status;
        for (Consumer<ReloadStatus> l : statusListeners) {
            l.accept(status);
        }
        return status;
    }
}
