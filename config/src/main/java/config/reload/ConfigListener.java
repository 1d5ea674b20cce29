package config.reload;

import config.model.AcdConfig;

/**
 * Takes a newly validated config into service. Called on the reloader's thread; an
 * implementation that owns state on another thread posts the work there.
 */
@FunctionalInterface
public interface ConfigListener {
    void apply(AcdConfig config, ConfigDiff diff);
}
