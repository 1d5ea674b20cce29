package config.build;

import acd.agent.AgentSpec;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import config.model.AcdConfig;
import config.model.Agent;
import config.model.Forward;
import config.model.Queue;
import java.util.List;

/** Maps a validated config to what the routing core is configured with. */
public final class AcdSpecs {
    private AcdSpecs() {
    }

    public static List<AgentSpec> agents(AcdConfig config) {
        return config.agents().stream().map(AcdSpecs::agent).toList();
    }

    public static List<QueueSpec> queues(AcdConfig config) {
        return config.queues().stream().map(AcdSpecs::queue).toList();
    }

    static AgentSpec agent(Agent a) {
        return new AgentSpec(a.id(), a.name(), a.forward() == Forward.ON_NO_ANSWER);
    }

    static QueueSpec queue(Queue q) {
        List<MemberSpec> members = q.members().stream().map(m -> new MemberSpec(m.agent(), m.priority())).toList();
        return new QueueSpec(q.id(), q.department(), q.strategy(), q.ringTimeout().toMillis(), q.maxWaitTime().toMillis(),
                q.whenNoAgents(), q.maxLength(), q.wrapUpTime().toMillis(), q.autoPause(), members);
    }
}
