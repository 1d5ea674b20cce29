package gateway.sip;

import java.util.function.IntSupplier;

/**
 * Sheds new calls before the server drowns: while {@code load} is at or above {@code limit},
 * new INVITEs get 503 with Retry-After, answered statelessly so shedding costs no state.
 */
public final class OverloadGuard {
    private final int limit;
    private final IntSupplier load;
    private final int retryAfterSeconds;

    public OverloadGuard(int limit, IntSupplier load, int retryAfterSeconds) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit=" + limit + " must be at least 1");
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds=" + retryAfterSeconds + " must be at least 1");
        }
        this.limit = limit;
        this.load = load;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean overloaded() {
        return load.getAsInt() >= limit;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
