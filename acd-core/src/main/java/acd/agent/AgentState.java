package acd.agent;

import java.util.EnumSet;
import java.util.Set;

/**
 * What calls drive (mod_callcenter's "state"), apart from the operator-set {@link AgentStatus}.
 * The allowed transitions are listed here and nowhere else.
 */
public enum AgentState {
    /** No call: may be offered one if status AVAILABLE and reachable. */
    IDLE,
    /** A call is being offered. */
    RINGING,
    ON_CALL,
    /** After a call, for the queue's wrap-up time. */
    WRAP_UP;

    private Set<AgentState> next;

    static {
        IDLE.next = EnumSet.of(RINGING);
        RINGING.next = EnumSet.of(IDLE, ON_CALL);
        ON_CALL.next = EnumSet.of(WRAP_UP, IDLE);
        WRAP_UP.next = EnumSet.of(IDLE);
    }

    public boolean canGo(AgentState to) {
        return next.contains(to);
    }
}
