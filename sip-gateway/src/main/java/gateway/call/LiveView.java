package gateway.call;

import java.util.Objects;
import ops.http.LiveCall;

/**
 * A call as the admin API sees it: written by the call's loop as it moves, read from any thread.
 * A new snapshot only when something shown changed, so a refresh costs nothing when idle.
 */
final class LiveView {
    private volatile LiveCall current;

    LiveView(String callId, String callerNumber, String dialed, long arrivedMs) {
        current = new LiveCall(callId, LiveCall.Phase.ANSWERING, null, null, callerNumber, dialed, arrivedMs, arrivedMs);
    }

    LiveCall get() {
        return current;
    }

    /** @param queueId the queue the call waits in or waited in last; null keeps the last one */
    void update(CallPhase phase, boolean ringing, String queueId, String agentId, long nowMs) {
        LiveCall.Phase shown = switch (phase) {
            case NEW -> LiveCall.Phase.ANSWERING;
            case IVR -> LiveCall.Phase.IVR;
            case QUEUED -> ringing ? LiveCall.Phase.RINGING : LiveCall.Phase.QUEUED;
            case VOICEMAIL -> LiveCall.Phase.VOICEMAIL;
            case TRANSFER -> LiveCall.Phase.TRANSFER;
            case BRIDGED, ENDED -> LiveCall.Phase.BRIDGED;
        };
        LiveCall was = current;
        String queue = queueId != null ? queueId : was.queueId();
        if (shown != was.phase() || !Objects.equals(queue, was.queueId()) || !Objects.equals(agentId, was.agentId())) {
            current = new LiveCall(was.callId(), shown, queue, agentId, was.callerNumber(), was.dialed(), was.sinceMs(),
                    shown != was.phase() ? nowMs : was.phaseSinceMs());
        }
    }
}
