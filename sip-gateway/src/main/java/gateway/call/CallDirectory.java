package gateway.call;

import acd.call.Target;
import java.util.Optional;

/**
 * What the call path needs to know from the config: where a dialled number enters, and how to
 * reach each agent. Implementations read the config in force and are safe from any thread.
 */
public interface CallDirectory {
    /** The entry point for the Request-URI user, or empty when the number is not served. */
    Optional<Target> entryFor(String dialed);

    Optional<AgentRoute> agent(String agentId);

    /** Every configured agent. */
    java.util.List<AgentRoute> agents();

    /** The SIP domain (digest realm), used in the From/To of calls we place. */
    String domain();
}
