package ivr.time;

/**
 * Time and timers of the event loop a session runs on. Every IVR session reads time and sets
 * deadlines only through this, so tests drive it with {@link VirtualScheduler} and production
 * wraps the call's Netty event loop. Tasks run on that same loop, never concurrently with the
 * session's other callbacks.
 */
public interface Scheduler {
    long nowMs();

    Cancellable schedule(long delayMs, Runnable task);
}
