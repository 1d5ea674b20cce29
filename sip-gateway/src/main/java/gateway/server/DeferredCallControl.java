package gateway.server;

import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.port.CallControl;
import java.util.function.Supplier;

/** Forwards to a {@link CallControl} built after the core that calls it. */
final class DeferredCallControl implements CallControl {
    private final Supplier<CallControl> target;

    DeferredCallControl(Supplier<CallControl> target) {
        this.target = target;
    }

    @Override
    public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
        target.get().ringAgent(callId, agentId, ringTimeoutMs);
    }

    @Override
    public void cancelRing(String callId, String agentId, CancelReason reason) {
        target.get().cancelRing(callId, agentId, reason);
    }

    @Override
    public void bridge(String callId, String agentId) {
        target.get().bridge(callId, agentId);
    }

    @Override
    public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
        target.get().leaveQueue(callId, queueId, outcome);
    }
}
