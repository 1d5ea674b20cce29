package config.model;

import ivr.menu.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An IVR menu: play {@code prompt}, wait {@code timeout} for one digit of {@code options};
 * on a timeout or an invalid digit play {@code invalid} and replay, {@code retries} times,
 * then go to {@code otherwise}. A menu without options plays its prompt and goes to
 * {@code otherwise} at once (written {@code then} in the file).
 *
 * @param invalid played after an invalid digit, or null
 * @param options DTMF digit (0-9, *, #) to target, in file order
 */
public record Menu(String id, Path prompt, Duration timeout, int retries, Path invalid,
                   Map<String, Destination> options, Destination otherwise) {
    public Menu {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
