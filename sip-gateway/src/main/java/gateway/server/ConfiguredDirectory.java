package gateway.server;

import acd.call.Target;
import config.model.AcdConfig;
import config.model.Agent;
import config.model.Trunk;
import gateway.call.AgentRoute;
import gateway.call.CallDirectory;
import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentCredentials;
import gateway.sip.auth.AgentDirectory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The config in force, as the call path and the registrar read it. A reload swaps the config;
 * calls read whichever is current when they look (business hours at the time of the call).
 */
public final class ConfiguredDirectory implements CallDirectory, AgentDirectory {
    private final Clock clock;
    private volatile AcdConfig config;
    private volatile TrunkSources trunks;

    public ConfiguredDirectory(AcdConfig config, Clock clock) {
        this.config = config;
        this.trunks = trunkSources(config);
        this.clock = clock;
    }

    public void update(AcdConfig next) {
        this.trunks = trunkSources(next);
        this.config = next;
    }

    /** The trunks of the config in force: which source addresses may call in without auth. */
    public TrunkSources trunks() {
        return trunks;
    }

    public AcdConfig config() {
        return config;
    }

    @Override
    public Optional<Target> entryFor(String dialed) {
        return config.number(dialed).map(n -> n.routeAt(clock.instant()));
    }

    @Override
    public Optional<AgentRoute> agent(String agentId) {
        AcdConfig c = config;
        return c.agent(agentId).map(a -> route(c, a));
    }

    @Override
    public List<AgentRoute> agents() {
        AcdConfig c = config;
        return c.agents().stream().map(a -> route(c, a)).toList();
    }

    @Override
    public String domain() {
        return config.sip().domain();
    }

    /** Digest credentials by extension, for REGISTER and agents' own calls. */
    @Override
    public Optional<AgentCredentials> byUser(String extension) {
        return config.agents().stream()
                .filter(a -> extension.equals(a.extension()) && a.password() != null)
                .findFirst()
                .map(a -> new AgentCredentials(a.id(), a.extension(), a.password().value()));
    }

    /** Which source addresses are trunks, from each trunk's {@code allow} list. */
    static TrunkSources trunkSources(AcdConfig config) {
        Map<String, List<String>> allow = config.trunks().stream()
                .collect(Collectors.toMap(Trunk::id, t -> t.allow().stream().map(Object::toString).toList()));
        return TrunkSources.of(allow);
    }

    private static AgentRoute route(AcdConfig c, Agent a) {
        InetSocketAddress trunk = a.trunk() == null ? null
                : c.trunk(a.trunk()).map(t -> new InetSocketAddress(t.address().host(), t.address().port())).orElse(null);
        return new AgentRoute(a.id(), a.extension(), a.device(), a.forward(), trunk);
    }
}
