package gateway.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * A caller's call in the gateway, from INVITE to hang-up. Transitions are listed here and
 * nowhere else; the queue part (ringing agents, bridging) is steered by the routing core.
 */
public enum CallPhase {
    /** INVITE received, media being set up, not answered yet. */
    NEW,
    /** Answered, in the IVR (prompts, menus). */
    IVR,
    /** In a queue, waiting for an agent (agents may be rung). */
    QUEUED,
    /** Bridged to an agent. */
    BRIDGED,
    /** Hung up; nothing more happens. */
    ENDED;

    private Set<CallPhase> next;

    static {
        NEW.next = EnumSet.of(IVR, QUEUED, ENDED);
        IVR.next = EnumSet.of(QUEUED, IVR, ENDED);
        QUEUED.next = EnumSet.of(BRIDGED, IVR, QUEUED, ENDED);
        BRIDGED.next = EnumSet.of(ENDED);
        ENDED.next = EnumSet.noneOf(CallPhase.class);
    }

    public boolean canGo(CallPhase to) {
        return next.contains(to);
    }
}
