package gateway.call;

import gateway.leg.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of a caller's call in the gateway ({@link CallFlow}), from INVITE to hang-up.
 * Transitions are listed here and nowhere else; each phase but NEW and ENDED runs one
 * {@link Activity}. The queue part (ringing agents, bridging) is steered by the routing core.
 */
public enum CallPhase implements Transitions<CallPhase> {
    /** INVITE received, media being set up, not answered yet. */
    NEW,
    /** Answered, in the IVR (prompts, menus). */
    IVR,
    /** In a queue, waiting for an agent (agents may be rung). */
    QUEUED,
    /** Leaving a voicemail message (prompt, beep, recording). */
    VOICEMAIL,
    /** Ringing an outside number through a trunk; the caller hears hold music. */
    TRANSFER,
    /** Bridged to an agent, or to the outside number of a transfer. */
    BRIDGED,
    /** Hung up; nothing more happens. */
    ENDED;

    private Set<CallPhase> next;

    static {
        NEW.next = EnumSet.of(IVR, QUEUED, VOICEMAIL, TRANSFER, ENDED);
        IVR.next = EnumSet.of(QUEUED, IVR, VOICEMAIL, TRANSFER, ENDED);
        QUEUED.next = EnumSet.of(BRIDGED, IVR, QUEUED, VOICEMAIL, TRANSFER, ENDED);
        VOICEMAIL.next = EnumSet.of(ENDED);
        TRANSFER.next = EnumSet.of(BRIDGED, ENDED);
        BRIDGED.next = EnumSet.of(ENDED);
        ENDED.next = EnumSet.noneOf(CallPhase.class);
    }

    @Override
    public boolean canGo(CallPhase to) {
        return next.contains(to);
    }
}
