package gateway.sip.registrar;

/**
 * Told when an agent becomes reachable (its first contact registered) or unreachable (its last
 * contact removed or expired), once per change and in order. Called on the registrar's threads
 * while the agent's bindings are being updated: hand the work off (say, post it to the routing
 * core), never block, never register or expire from here.
 */
@FunctionalInterface
public interface RegistrationListener {
    void reachabilityChanged(String agentId, boolean reachable);
}
