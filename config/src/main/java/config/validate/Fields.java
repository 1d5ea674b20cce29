package config.validate;

import config.yaml.Location;
import config.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A mapping of the file read as one record: unknown keys are reported (with a suggestion) as
 * soon as it is opened, and each getter reports a missing, mistyped or malformed value at its
 * own line and column, then returns the default so binding carries on and finds more errors.
 */
final class Fields {
    /** Parses one scalar's text. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws BadValue;
    }

    private final YNode.Mapping map;
    private final String path;
    private final Problems problems;
    /** The node was not a mapping: it was reported once, so missing fields are not reported again. */
    private final boolean broken;

    private Fields(YNode.Mapping map, String path, Problems problems, boolean broken) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.broken = broken;
    }

    static Fields of(YNode node, String path, Problems problems, Set<String> known) {
        if (node instanceof YNode.Mapping m) {
            for (YNode.Mapping.Entry e : m.entries().values()) {
                if (!known.contains(e.key())) {
                    problems.at(e.keyLocation(), join(path, e.key()), "unknown field" + Suggest.didYouMean(e.key(), known));
                }
            }
            return new Fields(m, path, problems, false);
        }
        if (!isNull(node)) {
            problems.at(node, path, "expected a mapping, found " + node.describe());
        }
        Location at = node == null ? Location.START : node.location();
        return new Fields(new YNode.Mapping(Map.of(), at), path, problems, !isNull(node));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static boolean isNull(YNode node) {
        return node == null || node instanceof YNode.Scalar s && s.kind() == YNode.Scalar.Kind.NULL;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    YNode.Mapping mapping() {
        return map;
    }

    /** The value node, or null when absent or written as null. */
    YNode node(String key) {
        YNode n = map.get(key);
        return isNull(n) ? null : n;
    }

    boolean has(String key) {
        return node(key) != null;
    }

    void missing(String key) {
        if (!broken) {
            problems.at(map, path, "missing required field \"" + key + "\"");
        }
    }

    /** Neither of two alternative fields is written. */
    void missingOneOf(String key, String alternative) {
        if (!broken) {
            problems.at(map, path, "missing required field \"" + key + "\" (or \"" + alternative + "\")");
        }
    }

    /** The text of a scalar field; reports a list or mapping as a wrong type. */
    String text(String key, String def) {
        YNode n = node(key);
        if (n == null) {
            return def;
        }
        return scalarText(n, path(key), problems, def);
    }

    static String scalarText(YNode n, String path, Problems problems, String def) {
        if (n instanceof YNode.Scalar s) {
            return s.text();
        }
        problems.at(n, path, "expected a string, found " + n.describe());
        return def;
    }

    String requiredText(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return text(key, null);
    }

    <T> T value(String key, T def, Parser<T> parser) {
        String t = text(key, null);
        if (t == null) {
            return def;
        }
        try {
            return parser.parse(t);
        } catch (BadValue e) {
            problems.at(node(key), path(key), e.getMessage());
            return def;
        }
    }

    <T> T required(String key, Parser<T> parser) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return value(key, null, parser);
    }

    Duration duration(String key, Duration def) {
        YNode n = node(key);
        if (n instanceof YNode.Scalar s && s.kind() != YNode.Scalar.Kind.STRING) {
            problems.at(n, path(key), "bad duration \"" + s.text() + "\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h");
            return def;
        }
        return value(key, def, Values::duration);
    }

    /** A duration that must be above zero. */
    Duration positiveDuration(String key, Duration def) {
        Duration d = duration(key, def);
        if (d != null && d.isZero() && has(key)) {
            problems.at(node(key), path(key), "must be longer than 0s");
            return def;
        }
        return d;
    }

    int integer(String key, int def, int min, int max) {
        YNode n = node(key);
        if (n == null) {
            return def;
        }
        if (!(n instanceof YNode.Scalar s) || s.kind() != YNode.Scalar.Kind.INTEGER) {
            problems.at(n, path(key), "expected a whole number, found " + n.describe()
                    + (n instanceof YNode.Scalar sc ? " \"" + sc.text() + "\"" : ""));
            return def;
        }
        long v;
        try {
            v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            problems.at(n, path(key), key + " " + s.text() + " is outside " + min + ".." + max);
            return def;
        }
        return (int) v;
    }

    boolean bool(String key, boolean def) {
        YNode n = node(key);
        if (n == null) {
            return def;
        }
        if (n instanceof YNode.Scalar s && s.kind() == YNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase());
        }
        problems.at(n, path(key), "expected true or false, found " + n.describe());
        return def;
    }

    /** The names {@link #choice} accepts for an enum's values, in declaration order (the order errors list them in). */
    static <E> Map<String, E> names(E[] values, Function<E, String> name) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E v : values) {
            names.put(name.apply(v), v);
        }
        return names;
    }

    /** One of a fixed set of names, e.g. a strategy. */
    <E> E choice(String key, Map<String, E> names, E def) {
        String t = text(key, null);
        if (t == null) {
            return def;
        }
        E e = names.get(t);
        if (e == null) {
            problems.at(node(key), path(key), "unknown " + key + " \"" + t + "\"" + Suggest.didYouMean(t, names.keySet())
                    + "; expected one of " + String.join(", ", names.keySet()));
            return def;
        }
        return e;
    }

    /** Reads each item of a list field with {@code reader(item, itemPath)}; null results are dropped. */
    <T> List<T> items(String key, BiFunction<YNode, String, T> reader) {
        List<T> out = new ArrayList<>();
        List<YNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            T t = reader.apply(items.get(i), path(key) + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** A list of scalars, each parsed and reported on its own. */
    <T> List<T> scalars(String key, Parser<T> parser) {
        return items(key, (node, itemPath) -> {
            String text = scalarText(node, itemPath, problems, null);
            if (text == null) {
                return null;
            }
            try {
                return parser.parse(text);
            } catch (BadValue e) {
                problems.at(node, itemPath, e.getMessage());
                return null;
            }
        });
    }

    /** The items of a list field (empty when absent); reports anything else as a wrong type. */
    List<YNode> list(String key) {
        YNode n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof YNode.Seq seq) {
            return seq.items();
        }
        problems.at(n, path(key), "expected a list, found " + n.describe());
        return List.of();
    }
}
