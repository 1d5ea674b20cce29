package acd.engine;

import acd.agent.Agent;
import acd.call.Call;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.NoAgentsPolicy;
import acd.queue.Queue;
import acd.time.TimerQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Everything the core's parts share: the agents, queues and calls, the one timer queue, the
 * current time, the ports out, and the queues a command touched. One thread, no locks: the
 * parts ({@link Reconfigure}, {@link AgentLifecycle}, {@link CallLifecycle}, {@link Router},
 * {@link CoreViews}) read and write it in turn, each command at a time.
 */
final class CoreState {
    final CallControl control;
    final AcdEventListener events;
    final RandomGenerator random;

    final TimerQueue timers = new TimerQueue();
    final Map<String, Agent> agents = new LinkedHashMap<>();
    final Map<String, Queue> queues = new LinkedHashMap<>();
    final Map<String, Call> calls = new HashMap<>();
    /** Queues that may have a waiting caller and an available member (see {@link Router#settle}). */
    final ArrayList<Queue> dirty = new ArrayList<>();
    /** Fallback-policy queues that may have lost their last staffed agent. */
    final ArrayList<Queue> emptyChecks = new ArrayList<>();

    /** The latest time a command or a timer brought; never goes back. */
    long nowMs;

    CoreState(CallControl control, AcdEventListener events, RandomGenerator random, long nowMs) {
        this.control = control;
        this.events = events;
        this.random = random;
        this.nowMs = nowMs;
    }

    void markDirty(Queue q) {
        if (!q.dirty()) {
            q.dirty(true);
            dirty.add(q);
        }
    }

    void markEmptyCheck(Queue q) {
        if (q.spec().whenNoAgents() == NoAgentsPolicy.FALLBACK && !q.emptyCheck()) {
            q.emptyCheck(true);
            emptyChecks.add(q);
        }
    }
}
