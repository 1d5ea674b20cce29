package acd.call;

import java.util.Objects;

/**
 * Where a caller goes when leaving a queue other than to an agent: another queue, an IVR menu,
 * voicemail, an outside number, or hang-up. The core only passes it on; the gateway runs it.
 */
public record Target(Kind kind, String ref) {
    public enum Kind { QUEUE, MENU, VOICEMAIL, TRANSFER, HANGUP }

    public Target {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.HANGUP) {
            ref = null;
        } else if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException(kind + " target needs a reference");
        }
    }

    public static Target queue(String id) {
        return new Target(Kind.QUEUE, id);
    }

    public static Target menu(String id) {
        return new Target(Kind.MENU, id);
    }

    public static Target voicemail(String queueId) {
        return new Target(Kind.VOICEMAIL, queueId);
    }

    public static Target transfer(String number) {
        return new Target(Kind.TRANSFER, number);
    }

    public static Target hangup() {
        return new Target(Kind.HANGUP, null);
    }

    @Override
    public String toString() {
        return kind == Kind.HANGUP ? "hangup" : kind.name().toLowerCase() + ":" + ref;
    }
}
