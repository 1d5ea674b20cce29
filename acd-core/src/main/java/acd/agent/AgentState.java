package acd.agent;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's state, system-driven (ringing, on call, wrap-up) or operator-set (logged in or
 * out, paused with a reason). The allowed transitions are listed here and nowhere else.
 */
public enum AgentState {
    LOGGED_OUT,
    /** Logged in and idle: may be offered a call if reachable. */
    AVAILABLE,
    /** A call is being offered. */
    RINGING,
    ON_CALL,
    /** After a call, for the queue's wrap-up time. */
    WRAP_UP,
    /** Logged in but not taking calls; carries a reason. */
    PAUSED;

    private Set<AgentState> next;

    static {
        LOGGED_OUT.next = EnumSet.of(AVAILABLE, PAUSED);
        AVAILABLE.next = EnumSet.of(RINGING, PAUSED, LOGGED_OUT);
        RINGING.next = EnumSet.of(AVAILABLE, ON_CALL, PAUSED, LOGGED_OUT);
        ON_CALL.next = EnumSet.of(WRAP_UP, AVAILABLE, PAUSED, LOGGED_OUT);
        WRAP_UP.next = EnumSet.of(AVAILABLE, PAUSED, LOGGED_OUT);
        PAUSED.next = EnumSet.of(AVAILABLE, PAUSED, LOGGED_OUT);
    }

    public boolean canGo(AgentState to) {
        return next.contains(to);
    }

    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }
}
