package config.validate;

import config.yaml.YNode;
import ivr.menu.Destination;
import java.util.List;
import java.util.Set;

/** Reads a target (a {@link Destination}): exactly one of {queue: ID}, {menu: ID}, {voicemail: ID}, {transfer: "+number"}, {hangup: true}. */
final class TargetReader {
    static final List<String> KINDS = List.of("queue", "menu", "voicemail", "transfer", "hangup");

    private final Binding b;

    TargetReader(Binding b) {
        this.b = b;
    }

    /** The target at {@code key}, or {@code def} when absent (and when wrong: the error is reported). */
    Destination read(Fields parent, String key, Destination def) {
        YNode n = parent.node(key);
        return n == null ? def : read(n, parent.path(key), def);
    }

    Destination read(YNode node, String path, Destination def) {
        Fields f = Fields.of(node, path, b.problems, Set.copyOf(KINDS));
        List<String> present = KINDS.stream().filter(f::has).toList();
        if (present.size() != 1) {
            if (node instanceof YNode.Mapping || Fields.isNull(node)) {
                b.problems.at(node, path, present.isEmpty()
                        ? "a target needs one of " + String.join(", ", KINDS)
                        : "a target has exactly one of " + String.join(", ", KINDS) + ", found " + String.join(" and ", present));
            }
            return def;
        }
        String kind = present.get(0);
        switch (kind) {
            case "hangup" -> {
                if (!f.bool("hangup", true)) {
                    b.problems.at(f.node("hangup"), f.path("hangup"), "write { hangup: true }, or another target");
                }
                return Destination.HANGUP;
            }
            case "transfer" -> {
                String number = f.value("transfer", null, Values::phoneNumber);
                b.refs.needTrunk(f.node("transfer"), f.path("transfer"));
                return number == null ? def : Destination.transfer(number);
            }
            default -> {
                String id = f.value(kind, null, Values::id);
                References.Kind refKind = kind.equals("menu") ? References.Kind.MENU : References.Kind.QUEUE;
                b.refs.refer(refKind, id, f.node(kind), f.path(kind));
                if (id == null) {
                    return def;
                }
                return kind.equals("menu") ? Destination.menu(id) : kind.equals("queue") ? Destination.queue(id) : Destination.voicemail(id);
            }
        }
    }
}
