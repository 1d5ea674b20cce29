package acd.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * A call's life inside a queue. NEW and IVR happen before the core sees the call (in the
 * gateway), so a core call starts WAITING. Transitions are listed here and nowhere else.
 */
public enum CallState {
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
        WAITING.next = EnumSet.of(RINGING_AGENT, ENDED);
        RINGING_AGENT.next = EnumSet.of(WAITING, BRIDGED, ENDED);
        BRIDGED.next = EnumSet.of(ENDED);
        ENDED.next = EnumSet.noneOf(CallState.class);
    }

    public boolean canGo(CallState to) {
        return next.contains(to);
    }
}
