package gateway.call;

import acd.agent.AgentState;
import acd.engine.AcdEngine;
import acd.engine.AcdLoop;
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
    private final AcdLoop acd;
    private final CallDirectory directory;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    private final Set<String> loggedOutByAgent = ConcurrentHashMap.newKeySet();

    public AgentPresence(AcdLoop acd, CallDirectory directory) {
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
        acd.post((e, now) -> {
            e.setReachable(agentId, reachable, now);
            if (login) {
                e.login(agentId, now);
            }
        });
    }

    /** *45: logs the agent out if logged in, in if logged out; completes with "logged in now". */
    public CompletableFuture<Boolean> toggleLogin(String agentId) {
        return acd.ask(e -> {
            AgentState state = stateOf(e, agentId);
            if (state == null) {
                return false;
            }
            if (state == AgentState.LOGGED_OUT) {
                loggedOutByAgent.remove(agentId);
                e.login(agentId, e.nowMs());
                return true;
            }
            loggedOutByAgent.add(agentId);
            e.logout(agentId, e.nowMs());
            return false;
        });
    }

    /** *46: pauses the agent if taking calls, unpauses if paused; completes with "paused now". */
    public CompletableFuture<Boolean> togglePause(String agentId) {
        return acd.ask(e -> {
            AgentState state = stateOf(e, agentId);
            if (state == null) {
                return false;
            }
            if (state == AgentState.PAUSED) {
                e.unpause(agentId, e.nowMs());
                return false;
            }
            loggedOutByAgent.remove(agentId);
            e.pause(agentId, "phone", e.nowMs());
            return true;
        });
    }

    private static AgentState stateOf(AcdEngine e, String agentId) {
        return e.agent(agentId).map(v -> v.state()).orElse(null);
    }
}
