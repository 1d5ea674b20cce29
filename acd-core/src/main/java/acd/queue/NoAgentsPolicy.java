package acd.queue;

/** What a queue does with callers while no member is staffed (logged in, reachable, not paused). */
public enum NoAgentsPolicy {
    /** Callers join and wait; the max wait time still applies. */
    WAIT,
    /** Callers go to the queue's fallback target at once, and waiting callers leave when the last agent does. */
    FALLBACK
}
