package gateway.call;

import config.build.IvrSpecs;
import gateway.leg.AgentRoute;
import gateway.leg.TrunkRoute;
import ivr.menu.Destination;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CallDirectory} over fixed values: the IVR (entry points by dialled number), agents by
 * id, one trunk and a storage folder. A reload builds a new one and swaps it in.
 */
public final class StaticDirectory implements CallDirectory {
    private final String domain;
    private final IvrSpecs ivr;
    private final Map<String, AgentRoute> agents;
    private final TrunkRoute trunk;
    private final Path storage;
    private final Clock clock;

    /**
     * @param trunk   where transfers go, or null
     * @param storage holds {@code voicemail/} and {@code recordings/}
     */
    public StaticDirectory(String domain, IvrSpecs ivr, List<AgentRoute> agents, TrunkRoute trunk, Path storage,
                           Clock clock) {
        this.domain = domain;
        this.ivr = ivr;
        this.trunk = trunk;
        this.storage = storage;
        this.clock = clock;
        Map<String, AgentRoute> byId = new LinkedHashMap<>();
        for (AgentRoute a : agents) {
            byId.put(a.agentId(), a);
        }
        this.agents = byId;
    }

    @Override
    public Optional<Destination> entryFor(String dialed) {
        return ivr.entries().route(dialed, clock.instant());
    }

    @Override
    public IvrSpecs ivr() {
        return ivr;
    }

    @Override
    public Optional<AgentRoute> agent(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    @Override
    public List<AgentRoute> agents() {
        return new ArrayList<>(agents.values());
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public Optional<TrunkRoute> transferTrunk() {
        return Optional.ofNullable(trunk);
    }

    @Override
    public Path voicemailDir() {
        return storage.resolve("voicemail");
    }

    @Override
    public Path recordingsDir() {
        return storage.resolve("recordings");
    }
}
