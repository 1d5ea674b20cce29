package gateway.call;

import acd.command.AcdCommands;
import gateway.leg.AgentRoute;
import gateway.sip.registrar.RegistrationListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns registrations into the routing core's agent inputs. An agent is reachable while a phone
 * is registered, or always when its device takes calls without phones (forward when-offline /
 * always); that is all a registration tells the core. Logging in and out and pausing are the
 * agent's status, kept by the core ({@link FeatureCodes} asks it directly), so a logout by
 * feature code survives re-registrations.
 */
public final class AgentPresence implements RegistrationListener {
    private final AcdCommands acd;
    private final CallDirectory directory;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    public AgentPresence(AcdCommands acd, CallDirectory directory) {
        this.acd = acd;
        this.directory = directory;
    }

    @Override
    public void reachabilityChanged(String agentId, boolean reachable) {
        registered.put(agentId, reachable);
        publish(agentId);
    }

    /** Tells the core every configured agent's reachability; at start-up and after a reload. */
    public void publishAll() {
        for (AgentRoute route : directory.agents()) {
            publish(route.agentId());
        }
    }

    private void publish(String agentId) {
        AgentRoute route = directory.agent(agentId).orElse(null);
        boolean reachable = registered.getOrDefault(agentId, false)
                || route != null && route.reachableWithoutPhones();
        acd.reachable(agentId, reachable);
    }
}
