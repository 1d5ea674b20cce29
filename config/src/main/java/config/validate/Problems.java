package config.validate;

import config.yaml.Location;
import config.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of one load, so they can all be reported at once, in file order. */
final class Problems {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Location location, String path, String message) {
        errors.add(new ConfigError(file, location, path, message));
    }

    void at(YNode node, String path, String message) {
        at(node.location(), path, message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> sorted() {
        return errors.stream()
                .sorted(Comparator.comparingInt((ConfigError e) -> e.location().line())
                        .thenComparingInt(e -> e.location().column()))
                .toList();
    }
}
