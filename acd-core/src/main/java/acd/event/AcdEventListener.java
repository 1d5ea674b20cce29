package acd.event;

/** Receives the core's events on the core's loop thread; must not block. */
@FunctionalInterface
public interface AcdEventListener {
    AcdEventListener NONE = e -> { };

    void onEvent(AcdEvent event);
}
