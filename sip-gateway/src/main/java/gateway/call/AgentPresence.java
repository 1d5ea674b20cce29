package gateway.call;

import acd.command.AcdCommands;
import gateway.sip.registrar.RegistrationListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns registrations and feature codes into the routing core's agent inputs. An agent is
 * reachable while a phone is registered, or always when its device takes calls without phones
 * (forward when-offline / always). Registering logs the agent in, unless the agent logged
 * itself out with the feature code: that choice survives re-registrations.
 */
public final class AgentPresence implements RegistrationListener {
    private final AcdCommands acd;
    private final CallDirectory directory;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    private final Set<String> loggedOutByAgent = ConcurrentHashMap.newKeySet();

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
        boolean login = reachable && !loggedOutByAgent.contains(agentId);
        acd.reachable(agentId, reachable);
        if (login) {
            acd.login(agentId);
        }
    }

    /** *45: logs the agent out if logged in, in if logged out; completes with "logged in now". */
    public CompletableFuture<Boolean> toggleLogin(String agentId) {
        return acd.toggleLogin(agentId).thenApply(loggedIn -> {
            if (loggedIn) {
                loggedOutByAgent.remove(agentId);
            } else {
                loggedOutByAgent.add(agentId);
            }
            return loggedIn;
        });
    }

    /** *46: pauses the agent if taking calls, unpauses if paused; completes with "paused now". */
    public CompletableFuture<Boolean> togglePause(String agentId) {
        return acd.togglePause(agentId, "phone").thenApply(paused -> {
            if (paused) {
                loggedOutByAgent.remove(agentId);
            }
            return paused;
        });
    }
}
