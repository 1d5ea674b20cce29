package config.validate;

import config.yaml.Location;

/**
 * One problem in a config file, printed as {@code acd.yaml:42:7: queues[0].members[1].agent: message}.
 *
 * @param path where in the document, e.g. {@code queues[0].members[1].agent}; empty for the file itself
 */
public record ConfigError(String file, Location location, String path, String message) {
    @Override
    public String toString() {
        return file + ":" + location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
