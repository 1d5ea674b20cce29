package acd.engine;

import acd.call.CallState;

/** A snapshot of one call in the core; {@code position} is 0 once bridged. */
public record CallView(String callId, String queueId, CallState state, int position, String agentId, long waitMs) {
}
