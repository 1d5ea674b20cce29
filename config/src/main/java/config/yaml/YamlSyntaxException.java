package config.yaml;

/** The file is not well-formed YAML (or repeats a key), so no tree could be built. */
public final class YamlSyntaxException extends Exception {
    private final Location location;

    public YamlSyntaxException(String message, Location location) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
