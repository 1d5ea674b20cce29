package ops.http;

import java.util.List;
import java.util.Objects;

/**
 * How a config load went.
 *
 * @param atMs    when it was attempted, wall-clock epoch milliseconds
 * @param trigger what started it: "startup", "file", "api", "signal", ...
 * @param ok      applied; when false the running config is unchanged and {@code errors} say why
 */
public record ReloadResult(long atMs, String trigger, boolean ok, List<Problem> errors) {

    /** One error in the config file at line:column (1-based; 0 when the place is unknown). */
    public record Problem(String file, int line, int column, String message) {
    }

    public ReloadResult {
        Objects.requireNonNull(trigger, "trigger");
        errors = List.copyOf(errors);
    }
}
