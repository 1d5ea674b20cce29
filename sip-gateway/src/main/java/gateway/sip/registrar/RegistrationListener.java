package gateway.sip.registrar;

/**
 * Told when an agent becomes reachable (its first contact registered) or unreachable (its last
 * contact removed or expired), once per change and in order, after the new bindings are
 * visible through {@link AgentLocator}. Called on the registrar's threads: hand the work off (say,
 * post it to the routing core) and never block.
 */
@FunctionalInterface
public interface RegistrationListener {
    void reachabilityChanged(String agentId, boolean reachable);
}
