package ops.http;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallState;
import acd.command.AcdCommands;
import acd.engine.AgentView;
import acd.engine.CallView;
import acd.engine.QueueView;
import acd.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/queues}: the core's queue views, the members counted by status and state from
 * the agent views, and the callers in line (the gateway knows which calls are queued; the core
 * knows their positions and waits).
 */
final class QueuesApi {

    /** One queue as the API shows it. */
    record QueueJson(String id, String department, StrategyKind strategy, int waiting, int ringing, int available,
                     int staffed, int members, long longestWaitMs, Map<AgentStatus, Integer> agentsByStatus,
                     Map<AgentState, Integer> agentsByState, List<Caller> callers) {
    }

    /** A caller in a queue's line; position 1 is next. */
    record Caller(String callId, int position, long waitMs, String callerNumber, boolean ringing, String agentId) {
    }

    private final AcdCommands core;
    private final LiveCalls live;

    QueuesApi(AcdCommands core, LiveCalls live) {
        this.core = core;
        this.live = live;
    }

    void register(Routes routes) {
        routes.view("GET", "/api/queues", r -> ApiResponse.ok(list()));
    }

    private List<QueueJson> list() {
        CompletableFuture<List<QueueView>> queues = core.queues();
        CompletableFuture<List<AgentView>> agents = core.agents();
        Map<String, List<Caller>> callers = callersByQueue();
        List<AgentView> agentViews = CoreAnswer.await(agents);
        return CoreAnswer.await(queues).stream()
                .map(q -> json(q, agentViews, callers.getOrDefault(q.id(), List.of())))
                .toList();
    }

    /** The gateway's queued calls, with the core's position and wait, in line order per queue. */
    private Map<String, List<Caller>> callersByQueue() {
        List<LiveCall> inLine = live.list().stream()
                .filter(c -> c.phase() == LiveCall.Phase.QUEUED || c.phase() == LiveCall.Phase.RINGING)
                .toList();
        List<CompletableFuture<Optional<CallView>>> views = inLine.stream().map(c -> core.call(c.callId())).toList();
        Map<String, List<Caller>> byQueue = new HashMap<>();
        for (int i = 0; i < inLine.size(); i++) {
            LiveCall c = inLine.get(i);
            // a call that left the line between the two reads is no longer a caller in line
            CoreAnswer.await(views.get(i)).filter(v -> v.state().inLine()).ifPresent(v -> byQueue
                    .computeIfAbsent(v.queueId(), q -> new ArrayList<>())
                    .add(new Caller(v.callId(), v.position(), v.waitMs(), c.callerNumber(),
                            v.state() == CallState.RINGING_AGENT, v.agentId())));
        }
        byQueue.values().forEach(l -> l.sort(Comparator.comparingInt(Caller::position)));
        return byQueue;
    }

    private static QueueJson json(QueueView q, List<AgentView> agents, List<Caller> callers) {
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (AgentStatus s : AgentStatus.values()) {
            byStatus.put(s, 0);
        }
        for (AgentState s : AgentState.values()) {
            byState.put(s, 0);
        }
        for (AgentView a : agents) {
            if (a.queues().contains(q.id())) {
                byStatus.merge(a.status(), 1, Integer::sum);
                byState.merge(a.state(), 1, Integer::sum);
            }
        }
        return new QueueJson(q.id(), q.department(), q.strategy(), q.waiting(), q.ringing(), q.available(),
                q.staffed(), q.members(), q.longestWaitMs(), byStatus, byState, callers);
    }
}
