package gateway.sip.registrar;

/**
 * Told when an agent becomes reachable (its first contact registered) or unreachable (its last
 * contact removed or expired). Called on the registrar's threads: hand work off, never block.
 */
@FunctionalInterface
public interface RegistrationListener {
    void reachabilityChanged(String agentId, boolean reachable);
}
