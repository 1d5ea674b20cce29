package config.validate;

import config.model.Secret;
import config.yaml.YNode;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every section binder shares during one load: the error list, references, files and environment. */
final class Binding {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    final Problems problems;
    final References refs;
    final Sounds sounds;
    private final Path baseDir;
    private final Function<String, String> env;
    private final boolean requireSecrets;

    Binding(Problems problems, Path baseDir, Function<String, String> env, boolean requireSecrets) {
        this.requireSecrets = requireSecrets;
        this.problems = problems;
        this.refs = new References(problems);
        this.sounds = new Sounds(baseDir);
        this.baseDir = baseDir;
        this.env = env;
    }

    /** A path written relative to the config file, made absolute. */
    Path resolve(String relative) {
        return baseDir.resolve(relative).normalize();
    }

    /** A sound file field: checked now, returned as an absolute path (null when absent). */
    Path sound(Fields f, String key, boolean required) {
        String written = required ? f.requiredText(key) : f.text(key, null);
        if (written == null) {
            return null;
        }
        sounds.problem(written).ifPresent(p -> problems.at(f.node(key), f.path(key), p));
        return resolve(written);
    }

    /** A secret field, with environment variables substituted (null when absent or unset). */
    Secret secret(Fields f, String key) {
        String written = f.text(key, null);
        return written == null ? null : secret(written, f.node(key), f.path(key));
    }

    /** Replaces each {@code ${NAME}} (or {@code ${NAME:-default}}) by the environment variable. */
    private Secret secret(String text, YNode at, String path) {
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null && !requireSecrets) {
                value = m.group();
            }
            if (value == null) {
                problems.at(at, path, "environment variable " + m.group(1) + " is not set");
                ok = false;
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return ok ? new Secret(out.toString()) : null;
    }
}
