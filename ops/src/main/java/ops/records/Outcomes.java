package ops.records;

import acd.call.CallOutcome;
import ops.records.CallFacts.EndCause;

/**
 * A finished call's {@code outcome}. The core's outcome wins when the core ended the call for a
 * reason of its own; a call that left a queue (timed out, no agents) keeps that outcome whatever
 * its fallback did next (the voicemail or transfer shows in its own column). A removed or unknown
 * queue counts as NO_AGENTS: the caller was sent on without an agent. When the core only saw
 * the caller go, the gateway's cause tells an abandon from a media timeout or a failure.
 */
final class Outcomes {
    private Outcomes() {
    }

    static String of(OpenCall c) {
        if (c.coreOutcome != null) {
            return switch (c.coreOutcome) {
                case COMPLETED -> "ANSWERED";
                case MEDIA_TIMEOUT -> "MEDIA_TIMEOUT";
                case ABANDONED -> gone(c.endCause, "ABANDONED_QUEUE");
                case TIMED_OUT -> "TIMED_OUT";
                case NO_AGENTS, QUEUE_REMOVED, UNKNOWN_QUEUE -> "NO_AGENTS";
                case QUEUE_FULL -> "QUEUE_FULL";
            };
        }
        if (c.answeredMs != null) {
            return "ANSWERED";
        }
        if (c.queuedMs != null) {
            return gone(c.endCause, "ABANDONED_QUEUE");
        }
        if (c.endCause != EndCause.MEDIA_TIMEOUT && c.endCause != EndCause.FAILED) {
            if (c.transferred()) {
                return "TRANSFERRED";
            }
            if (c.leftVoicemail()) {
                return "VOICEMAIL";
            }
        }
        return gone(c.endCause, "ABANDONED_IVR");
    }

    /** A call that ended on the gateway's side before any agent: how. */
    private static String gone(EndCause cause, String abandoned) {
        if (cause == EndCause.MEDIA_TIMEOUT) {
            return "MEDIA_TIMEOUT";
        }
        if (cause == EndCause.FAILED) {
            return "FAILED";
        }
        return abandoned;
    }

    /** The queue_log verb for a call leaving the core without an agent; null for an answered one (known at the end). */
    static String exitVerb(CallOutcome outcome, boolean wasQueued) {
        return switch (outcome) {
            case COMPLETED, MEDIA_TIMEOUT -> null;
            case ABANDONED -> "ABANDON";
            case TIMED_OUT -> "EXITWITHTIMEOUT";
            case NO_AGENTS, QUEUE_REMOVED, UNKNOWN_QUEUE -> wasQueued ? "EXITEMPTY" : "JOINEMPTY";
            case QUEUE_FULL -> "FULL";
        };
    }
}
