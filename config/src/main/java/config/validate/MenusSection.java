package config.validate;

import config.model.Menu;
import config.yaml.YNode;
import ivr.menu.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The menus section: prompts, digit options, retries and where callers go after them. */
final class MenusSection {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_RETRIES = 2;
    static final int MAX_RETRIES = 10;
    private static final Set<String> FIELDS = Set.of("id", "prompt", "timeout", "retries", "invalid", "options", "otherwise", "then");
    private static final Pattern DTMF = Pattern.compile("[0-9*#]");

    /** A menu as read, with where it was written, for the cycle check. */
    record Read(Menu menu, YNode at, String path) {
    }

    private final Binding b;
    private final TargetReader targets;

    MenusSection(Binding b, TargetReader targets) {
        this.b = b;
        this.targets = targets;
    }

    List<Read> read(Fields root) {
        return root.items("menus", (node, path) -> {
            Fields f = Fields.of(node, path, b.problems, FIELDS);
            Menu m = menu(f, node);
            return m == null ? null : new Read(m, f.has("id") ? f.node("id") : node, path);
        });
    }

    private Menu menu(Fields f, YNode node) {
        String id = f.required("id", Values::id);
        b.refs.define(References.Kind.MENU, id, f.has("id") ? f.node("id") : node, f.path("id"));
        Path prompt = b.sound(f, "prompt", true);
        Duration timeout = f.positiveDuration("timeout", DEFAULT_TIMEOUT);
        int retries = f.integer("retries", DEFAULT_RETRIES, 0, MAX_RETRIES);
        Path invalid = b.sound(f, "invalid", false);
        Map<String, Destination> options = options(f);
        if (f.has("then") && f.has("otherwise")) {
            b.problems.at(f.node("then"), f.path("then"), "write either then (a menu without options) or otherwise, not both");
        } else if (f.has("then") && !options.isEmpty()) {
            b.problems.at(f.node("then"), f.path("then"), "then is for a menu without options; use otherwise for where callers go after the retries");
        }
        Destination otherwise = targets.read(f, f.has("then") ? "then" : "otherwise", Destination.HANGUP);
        if (id == null) {
            return null;
        }
        return new Menu(id, prompt, timeout, retries, invalid, options, otherwise);
    }

    private Map<String, Destination> options(Fields menu) {
        Map<String, Destination> out = new LinkedHashMap<>();
        YNode n = menu.node("options");
        if (n == null) {
            return out;
        }
        if (!(n instanceof YNode.Mapping m)) {
            b.problems.at(n, menu.path("options"), "expected a mapping of digits to targets, found " + n.describe());
            return out;
        }
        for (YNode.Mapping.Entry e : m.entries().values()) {
            String path = menu.path("options") + "." + e.key();
            if (!DTMF.matcher(e.key()).matches()) {
                b.problems.at(e.keyLocation(), path, "option key \"" + e.key() + "\" is not a DTMF digit (0-9, * or #)");
            }
            Destination t = targets.read(e.value(), path, null);
            if (t != null) {
                out.put(e.key(), t);
            }
        }
        return out;
    }
}
