package acd.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * A call's life inside a queue. The IVR happens before the core sees the call (in the gateway);
 * a core call is NEW only until it joins the line. Transitions are listed here and nowhere else.
 */
public enum CallState {
    /** Created by the core, not in line yet. */
    NEW,
    /** In the queue, no agent being rung. */
    WAITING,
    /** One agent (or, under ring-all, several) being rung. */
    RINGING_AGENT,
    /** Answered and bridged to an agent. */
    BRIDGED,
    /** Gone: see the {@link CallOutcome}. */
    ENDED;

    private Set<CallState> next;

    static {
        NEW.next = EnumSet.of(WAITING);
        WAITING.next = EnumSet.of(RINGING_AGENT, ENDED);
        RINGING_AGENT.next = EnumSet.of(WAITING, BRIDGED, ENDED);
        BRIDGED.next = EnumSet.of(ENDED);
        ENDED.next = EnumSet.noneOf(CallState.class);
    }

    public boolean canGo(CallState to) {
        return next.contains(to);
    }

    /** In the queue's line: waiting, or ringing an agent. */
    public boolean inLine() {
        return this == WAITING || this == RINGING_AGENT;
    }
}
