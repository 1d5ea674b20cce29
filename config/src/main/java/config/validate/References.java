package config.validate;

import config.yaml.YNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids each section defines and the references other sections make to them. Ids are checked
 * for duplicates as they are defined; references are resolved once everything is read, so the
 * order of sections in the file does not matter.
 */
final class References {
    enum Kind {
        AGENT("agent", "agents"), QUEUE("queue", "queues"), MENU("menu", "menus"), TRUNK("trunk", "trunks"),
        EXTENSION("extension", "extensions"), NUMBER("number", "numbers");

        final String singular;
        final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }
    }

    private record Ref(Kind kind, String id, YNode node, String path) {
    }

    private final Problems problems;
    private final Map<Kind, Map<String, YNode>> defined = new EnumMap<>(Kind.class);
    private final List<Ref> refs = new ArrayList<>();
    private final List<Ref> trunkNeeds = new ArrayList<>();

    References(Problems problems) {
        this.problems = problems;
        for (Kind k : Kind.values()) {
            defined.put(k, new LinkedHashMap<>());
        }
    }

    /** Records an id; a second definition is an error pointing back at the first. */
    void define(Kind kind, String id, YNode node, String path) {
        if (id == null) {
            return;
        }
        YNode first = defined.get(kind).putIfAbsent(id, node);
        if (first != null) {
            problems.at(node, path, "duplicate " + kind.singular + " \"" + id + "\" (first at line " + first.location().line() + ")");
        }
    }

    void refer(Kind kind, String id, YNode node, String path) {
        if (id != null) {
            refs.add(new Ref(kind, id, node, path));
        }
    }

    /** Something here goes out through a trunk (a transfer, a personal device): at least one must exist. */
    void needTrunk(YNode node, String path) {
        if (node != null) {
            trunkNeeds.add(new Ref(Kind.TRUNK, "", node, path));
        }
    }

    boolean isEmpty(Kind kind) {
        return defined.get(kind).isEmpty();
    }

    /** Reports every reference to an id that no section defines. */
    void resolve() {
        if (isEmpty(Kind.TRUNK)) {
            for (Ref r : trunkNeeds) {
                problems.at(r.node(), r.path(), "goes out through a trunk, but no trunks are defined");
            }
        }
        for (Ref r : refs) {
            Map<String, YNode> known = defined.get(r.kind());
            if (known.containsKey(r.id())) {
                continue;
            }
            String list = known.isEmpty() ? "no " + r.kind().plural + " are defined" : "known: " + String.join(", ", known.keySet());
            String hint = Suggest.closest(r.id(), known.keySet()).map(c -> "did you mean \"" + c + "\"? ").orElse("");
            problems.at(r.node(), r.path(), "unknown " + r.kind().singular + " \"" + r.id() + "\" (" + hint + list + ")");
        }
    }
}
