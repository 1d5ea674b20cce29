package ivr.menu;

import java.util.Objects;

/** Where a caller goes next: the outcome of a menu, a business-hours check or a queue fallback. */
public sealed interface Destination {

    record Queue(String queueId) implements Destination {
        public Queue {
            requireId(queueId, "queue");
        }
    }

    record Menu(String menuId) implements Destination {
        public Menu {
            requireId(menuId, "menu");
        }
    }

    record Voicemail(String voicemailId) implements Destination {
        public Voicemail {
            requireId(voicemailId, "voicemail");
        }
    }

    /** Blind transfer of the call to a number (or SIP user) through the gateway. */
    record Transfer(String number) implements Destination {
        public Transfer {
            requireId(number, "transfer");
        }
    }

    record Hangup() implements Destination {
    }

    Hangup HANGUP = new Hangup();

    static Destination queue(String id) {
        return new Queue(id);
    }

    static Destination menu(String id) {
        return new Menu(id);
    }

    static Destination voicemail(String id) {
        return new Voicemail(id);
    }

    static Destination transfer(String number) {
        return new Transfer(number);
    }

    private static void requireId(String id, String kind) {
        Objects.requireNonNull(id, kind);
        if (id.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
    }
}
