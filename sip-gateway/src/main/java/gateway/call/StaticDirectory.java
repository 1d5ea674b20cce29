package gateway.call;

import acd.call.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CallDirectory} over fixed maps: entry points by dialled number ({@code "*"} for any
 * other number) and agents by id. A reload builds a new one and swaps it in.
 */
public final class StaticDirectory implements CallDirectory {
    public static final String ANY_NUMBER = "*";

    private final String domain;
    private final Map<String, Target> entries;
    private final Map<String, AgentRoute> agents;

    public StaticDirectory(String domain, Map<String, Target> entries, List<AgentRoute> agents) {
        this.domain = domain;
        this.entries = Map.copyOf(entries);
        Map<String, AgentRoute> byId = new LinkedHashMap<>();
        for (AgentRoute a : agents) {
            byId.put(a.agentId(), a);
        }
        this.agents = byId;
    }

    @Override
    public Optional<Target> entryFor(String dialed) {
        Target t = entries.get(dialed);
        return Optional.ofNullable(t != null ? t : entries.get(ANY_NUMBER));
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
}
