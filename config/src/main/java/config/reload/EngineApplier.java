package config.reload;

import acd.agent.AgentSpec;
import acd.engine.AcdLoop;
import acd.queue.QueueSpec;
import config.build.AcdSpecs;
import config.model.AcdConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies the agents and queues of a new config to the routing core, on the core's own loop.
 * The core diffs them itself: agent state is kept, removed queues send waiting callers to
 * their fallback, calls in progress carry on.
 */
public final class EngineApplier implements ConfigListener {
    private final Consumer<AcdLoop.Command> post;

    /** @param post hands a command to the core's loop, e.g. {@code loop::post} */
    public EngineApplier(Consumer<AcdLoop.Command> post) {
        this.post = post;
    }

    public static EngineApplier on(AcdLoop loop) {
        return new EngineApplier(loop::post);
    }

    @Override
    public void apply(AcdConfig config, ConfigDiff diff) {
        if (diff.agents().isEmpty() && diff.queues().isEmpty()) {
            return;
        }
        List<AgentSpec> agents = AcdSpecs.agents(config);
        List<QueueSpec> queues = AcdSpecs.queues(config);
        post.accept((engine, nowMs) -> engine.configure(agents, queues, nowMs));
    }
}
