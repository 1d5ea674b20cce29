package config.model;

import java.util.Objects;

/** A password or token: its value is never printed (toString masks it), so it never reaches a log. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "****";
    }
}
