package ops.http;

import java.util.Objects;

/**
 * A call the gateway holds right now, whatever its phase (the core sees a call only while it
 * is queued or bridged). {@code queueId} and {@code agentId} are null until they apply;
 * {@code sinceMs} is when the call arrived, {@code phaseSinceMs} when it entered its phase,
 * both wall-clock epoch milliseconds.
 */
public record LiveCall(String callId, Phase phase, String queueId, String agentId, String callerNumber,
                       String dialed, long sinceMs, long phaseSinceMs) {

    /** Where a live call is, as the gateway sees it. */
    public enum Phase {
        /** Admitted, being answered (SDP, media port). */
        ANSWERING,
        /** In the IVR's menus. */
        IVR,
        /** In a queue's line, no agent being rung. */
        QUEUED,
        /** In a queue's line with an agent being rung. */
        RINGING,
        /** Bridged to an agent. */
        BRIDGED,
        /** Leaving a voicemail message. */
        VOICEMAIL,
        /** Transferred to an outside number. */
        TRANSFER
    }

    public LiveCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(phase, "phase");
    }
}
