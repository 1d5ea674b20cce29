package gateway.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one bounded wait of the gateway's tests: polls a condition every {@link #POLL} until it
 * holds, and fails after the timeout with a message built from the state at that moment. For what
 * happens just after the events a test saw (ports closed on the loop, a file finished off the
 * loop); never a fixed sleep.
 */
public final class Await {
    /** Short enough not to slow a test, long enough not to spin. */
    public static final Duration POLL = Duration.ofMillis(20);

    /** A condition that may throw, e.g. by asking an event loop. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A value that may not be there yet: null until it is. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} holds; otherwise fails with {@code state} (read at the timeout) and the time waited. */
    public static void until(Condition condition, Duration timeout, Supplier<String> state) throws Exception {
        value(() -> condition.holds() ? Boolean.TRUE : null, timeout, state);
    }

    /** Waits until {@code probe} gives a value and returns it; otherwise fails as {@link #until} does. */
    public static <T> T value(Probe<T> probe, Duration timeout, Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(state.get() + " (after " + timeout.toMillis() + " ms)");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
