package gateway.push;

import java.util.Objects;

/**
 * The call a phone is woken for, as the push gateway is told it (an app shows the caller).
 *
 * @param queue the queue the call waits in, or null when it waits in none
 */
public record PushNotice(String callId, String caller, String queue, String agentId) {
    public PushNotice {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
    }
}
