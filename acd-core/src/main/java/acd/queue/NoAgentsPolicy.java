package acd.queue;

/** What a queue does with callers while no member is staffed (logged in, reachable, not paused). */
public enum NoAgentsPolicy {
    /** Callers join and wait; the max wait time still applies. */
    WAIT,
    /** Callers leave the queue at once (on to its fallback), and waiting callers leave when the last agent does. */
    FALLBACK
}
