package config.reload;

import config.validate.ConfigError;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last reload, for the log and the admin API.
 *
 * @param trigger what asked for it: "file changed", "SIGHUP", "api", ...
 * @param diff    what was applied; null when the new file was rejected
 * @param errors  why the new file was rejected; empty when it was applied
 */
public record ReloadStatus(Instant at, String trigger, boolean ok, ConfigDiff diff, List<ConfigError> errors) {
    public ReloadStatus {
        errors = List.copyOf(errors);
    }

    static ReloadStatus applied(Instant at, String trigger, ConfigDiff diff) {
        return new ReloadStatus(at, trigger, true, diff, List.of());
    }

    static ReloadStatus rejected(Instant at, String trigger, List<ConfigError> errors) {
        return new ReloadStatus(at, trigger, false, null, errors);
    }
}
