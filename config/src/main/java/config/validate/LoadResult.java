package config.validate;

import config.model.AcdConfig;
import java.util.List;

/** The outcome of loading a config file: a valid config, or every error found (never both). */
public record LoadResult(AcdConfig config, List<ConfigError> errors) {
    public LoadResult {
        errors = List.copyOf(errors);
        if ((config == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a load result holds either a config or errors");
        }
    }

    public boolean ok() {
        return config != null;
    }
}
