package ivr.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A voicemail target: where messages are stored and how long one may be.
 *
 * @param department written into each message's metadata (the queue's department)
 */
public record VoicemailBox(String id, Path dir, Duration limit, String department) {
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(2);

    public VoicemailBox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, () -> "voicemail " + id + ": dir");
        limit = limit == null ? DEFAULT_LIMIT : limit;
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("voicemail " + id + ": limit=" + limit + " must be positive");
        }
    }
}
