package acd.call;

/** Why a ring ended without an answer, as far as the agent's no-answer count is concerned. */
public enum RingEnd {
    /** Not answered within the ring timeout. */
    TIMEOUT,
    /** The agent declined or was busy (486, 603, 600). */
    REJECTED,
    /** The ring could not reach the agent (408, 480, 5xx, transport error). */
    FAILED,
    /**
     * A personal device answered but nobody pressed 1 to take the call (another key, or the
     * device hung up): most often the carrier's voicemail. Silence runs into {@link #TIMEOUT}.
     */
    UNCONFIRMED
}
