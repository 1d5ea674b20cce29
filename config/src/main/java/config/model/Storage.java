package config.model;

import java.nio.file.Path;

/** Where call detail records and recordings go (absolute, resolved against the config file). */
public record Storage(Path dir, Path recordings) {
}
