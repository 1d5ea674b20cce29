package config.reload;

import acd.command.AcdCommands;
import config.build.AcdSpecs;
import config.model.AcdConfig;

/**
 * Applies the agents and queues of a new config to the routing core, as one command. The core
 * diffs them itself: agent state is kept, removed queues send waiting callers to their
 * fallback, calls in progress carry on.
 */
public final class EngineApplier implements ConfigListener {
    private final AcdCommands core;

    public EngineApplier(AcdCommands core) {
        this.core = core;
    }

    @Override
    public void apply(AcdConfig config, ConfigDiff diff) {
        if (diff.agents().isEmpty() && diff.queues().isEmpty()) {
            return;
        }
        core.configure(AcdSpecs.agents(config), AcdSpecs.queues(config));
    }
}
