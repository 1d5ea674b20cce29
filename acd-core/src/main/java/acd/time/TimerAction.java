package acd.time;

/** What a {@link Timer} does when its deadline passes; runs on the loop that owns the timer. */
@FunctionalInterface
public interface TimerAction {
    void onTimer(long nowMs);
}
