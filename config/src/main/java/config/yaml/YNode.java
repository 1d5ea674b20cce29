package config.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so the validator can name the line and
 * column of every error it finds, not just the first one.
 */
public sealed interface YNode {
    Location location();

    /** What a value is, in the words an error message uses ("a list", "a number", ...). */
    String describe();

    /** A scalar: its text as written, and the kind the YAML parser gave it. */
    record Scalar(Kind kind, String text, Location location) implements YNode {
        public enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INTEGER -> "a number";
                case DECIMAL -> "a decimal number";
                case BOOLEAN -> "a boolean";
                case NULL -> "nothing (null)";
            };
        }
    }

    /** A sequence, in file order. */
    record Seq(List<YNode> items, Location location) implements YNode {
        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A mapping in file order. Keys keep their own locations so an unknown or duplicate key is
     * reported where it is written.
     */
    record Mapping(Map<String, Entry> entries, Location location) implements YNode {
        public record Entry(String key, Location keyLocation, YNode value) {
        }

        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }
}
