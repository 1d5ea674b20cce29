package ivr.menu;

import ivr.audio.Prompt;
import ivr.dtmf.DtmfKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IVR node. With {@code options} it is a menu: play {@code prompt}, collect a choice of
 * one or more keys, replay on timeout or invalid input up to {@code retries} times, then go
 * to {@code otherwise}. Without options it only plays its prompt and goes to {@code then}.
 *
 * @param timeout            how long to wait for the first key after the prompt ended
 * @param interDigitTimeout  how long to wait for the next key of a multi-key option
 * @param invalid            played after an invalid choice; null for none
 * @param bargeIn            whether a key stops the prompt (otherwise keys during it are ignored)
 */
public record Menu(String id, Prompt prompt, Duration timeout, Duration interDigitTimeout, int retries,
        Prompt invalid, boolean bargeIn, Map<String, Destination> options, Destination otherwise,
        Destination then) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_RETRIES = 2;

    public Menu {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("menu id must not be blank");
        }
        Objects.requireNonNull(prompt, () -> "menu " + id + ": prompt");
        Objects.requireNonNull(timeout, () -> "menu " + id + ": timeout");
        Objects.requireNonNull(interDigitTimeout, () -> "menu " + id + ": interDigitTimeout");
        options = Map.copyOf(options == null ? Map.of() : options);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("menu " + id + ": timeout=" + timeout + " must be positive");
        }
        if (interDigitTimeout.isNegative() || interDigitTimeout.isZero()) {
            throw new IllegalArgumentException("menu " + id + ": interDigitTimeout=" + interDigitTimeout
                    + " must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("menu " + id + ": retries=" + retries + " must not be negative");
        }
        for (String key : options.keySet()) {
            if (key.isEmpty() || !key.chars().allMatch(c -> DtmfKeys.isKey((char) c))) {
                throw new IllegalArgumentException("menu " + id + ": option \"" + key
                        + "\" must be keys 0-9, *, #, A-D");
            }
        }
        if (options.isEmpty()) {
            if (then == null) {
                throw new IllegalArgumentException("menu " + id + ": a menu without options needs 'then'");
            }
            if (otherwise != null) {
                throw new IllegalArgumentException("menu " + id + ": 'otherwise' needs options");
            }
        } else {
            if (then != null) {
                throw new IllegalArgumentException("menu " + id + ": 'then' is for menus without options;"
                        + " use 'otherwise'");
            }
            if (otherwise == null) {
                otherwise = Destination.HANGUP;
            }
        }
    }

    /** A menu with the default timeouts and retries, barge-in allowed, and no invalid prompt. */
    public static Menu choice(String id, Prompt prompt, Map<String, Destination> options, Destination otherwise) {
        return new Menu(id, prompt, DEFAULT_TIMEOUT, DEFAULT_INTER_DIGIT_TIMEOUT, DEFAULT_RETRIES, null, true,
                options, otherwise, null);
    }

    /** A node that plays {@code prompt} and goes to {@code then}. */
    public static Menu announcement(String id, Prompt prompt, Destination then) {
        return new Menu(id, prompt, DEFAULT_TIMEOUT, DEFAULT_INTER_DIGIT_TIMEOUT, 0, null, false, Map.of(), null,
                then);
    }

    public boolean collectsInput() {
        return !options.isEmpty();
    }

    /** How {@code keys} so far relate to the options. */
    Match match(String keys) {
        boolean exact = options.containsKey(keys);
        boolean longer = false;
        for (String option : options.keySet()) {
            if (option.length() > keys.length() && option.startsWith(keys)) {
                longer = true;
                break;
            }
        }
        if (exact) {
            return longer ? Match.EXACT_OR_LONGER : Match.EXACT;
        }
        return longer ? Match.PREFIX : Match.NONE;
    }

    enum Match {
        /** Selects an option and nothing longer starts with it. */
        EXACT,
        /** Selects an option, but a longer one starts with it: wait for another key. */
        EXACT_OR_LONGER,
        /** Only the start of a longer option. */
        PREFIX,
        NONE
    }

    /** Every destination this node can lead to. */
    public List<Destination> destinations() {
        List<Destination> all = new ArrayList<>(options.values());
        if (otherwise != null) {
            all.add(otherwise);
        }
        if (then != null) {
            all.add(then);
        }
        return all;
    }
}
