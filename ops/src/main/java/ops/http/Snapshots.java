package ops.http;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallState;
import acd.command.AcdCommands;
import acd.engine.AgentView;
import acd.engine.CallView;
import acd.engine.QueueView;
import acd.strategy.StrategyKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import ops.live.TodayTally;

/**
 * The queue, agent and live-call JSON of the API, built in one place so {@code /api/queues},
 * {@code /api/agents} and the event stream's snapshots always agree. Runs on worker threads
 * and the feed's thread, waiting on the core's answers.
 */
final class Snapshots {

    /**
     * One queue as the API shows it; {@code board} counts its agents as the wallboard does
     * ({@link AgentBoard}); {@code today} counts since local midnight in the server's zone.
     */
    record QueueJson(String id, String department, StrategyKind strategy, int waiting, int ringing, int available,
                     int staffed, int members, long longestWaitMs, Map<AgentStatus, Integer> agentsByStatus,
                     Map<AgentState, Integer> agentsByState, AgentBoard board, List<Caller> callers,
                     Long serviceLevelMs, TodayTally.Today today) {
        QueueJson masked() {
            return new QueueJson(id, department, strategy, waiting, ringing, available, staffed, members,
                    longestWaitMs, agentsByStatus, agentsByState, board,
                    callers.stream().map(Caller::masked).toList(), serviceLevelMs, today);
        }
    }

    /** A caller in a queue's line; position 1 is next. */
    record Caller(String callId, int position, long waitMs, String callerNumber, boolean ringing, String agentId) {
        Caller masked() {
            return new Caller(callId, position, waitMs, mask(callerNumber), ringing, agentId);
        }
    }

    /** One agent as the API shows it; {@code board} is what the wallboard counts it as ({@link AgentBoard#kind}). */
    record AgentJson(String id, String name, AgentStatus status, AgentState state, AgentBoard.Kind board, String reason,
                     boolean reachable, boolean onOwnCall, boolean offerable, String callId, int answeredToday,
                     List<String> queues, List<String> contacts, long statusSinceMs, long stateSinceMs) {
    }

    /** A live call with its place in a queue's line while it has one (position and waitMs null otherwise). */
    record CallJson(String callId, LiveCall.Phase phase, String queueId, String agentId, String callerNumber,
                    String dialed, long sinceMs, long phaseSinceMs, Integer position, Long waitMs) {
        CallJson masked() {
            return new CallJson(callId, phase, queueId, agentId, mask(callerNumber), dialed, sinceMs, phaseSinceMs,
                    position, waitMs);
        }
    }

    /** Everything the page shows live, read at {@code atMs}. */
    record Snapshot(long atMs, List<QueueJson> queues, List<AgentJson> agents, List<CallJson> calls) {
        /** For a viewer: caller numbers cut to their last 4 digits. */
        Snapshot masked() {
            return new Snapshot(atMs, queues.stream().map(QueueJson::masked).toList(), agents,
                    calls.stream().map(CallJson::masked).toList());
        }
    }

    private final AcdCommands core;
    private final LiveCalls live;
    private final Contacts contacts;
    private final Function<String, Duration> serviceLevels;
    private final Function<String, TodayTally.Today> today;

    Snapshots(AcdCommands core, LiveCalls live, Contacts contacts, Function<String, Duration> serviceLevels,
              Function<String, TodayTally.Today> today) {
        this.core = core;
        this.live = live;
        this.contacts = contacts;
        this.serviceLevels = serviceLevels;
        this.today = today;
    }

    /** A wall screen sees no whole caller numbers: {@code •••1234}. */
    static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        return "•••" + number.substring(Math.max(0, number.length() - 4));
    }

    Snapshot snapshot() {
        long atMs = System.currentTimeMillis();
        CompletableFuture<List<QueueView>> queues = core.queues();
        CompletableFuture<List<AgentView>> agents = core.agents();
        List<Read> calls = read();
        List<AgentView> agentViews = CoreAnswer.await(agents);
        return new Snapshot(atMs, queues(CoreAnswer.await(queues), agentViews, calls),
                agentViews.stream().map(this::agent).toList(), calls.stream().map(Read::json).toList());
    }

    List<QueueJson> queues() {
        CompletableFuture<List<QueueView>> queues = core.queues();
        CompletableFuture<List<AgentView>> agents = core.agents();
        List<Read> calls = read();
        return queues(CoreAnswer.await(queues), CoreAnswer.await(agents), calls);
    }

    List<AgentJson> agents() {
        return CoreAnswer.await(core.agents()).stream().map(this::agent).toList();
    }

    AgentJson agent(AgentView a) {
        return new AgentJson(a.id(), a.name(), a.status(), a.state(), AgentBoard.kind(a),
                a.pauseReason(), a.reachable(), a.onOwnCall(), a.offerable(), a.callId(), a.answeredToday(), a.queues(),
                contacts.of(a.id()), a.statusSinceMs(), a.stateSinceMs());
    }

    /** A live call, and the core's view of it while it is in a queue's line. */
    private record Read(LiveCall call, Optional<CallView> view) {
        CallJson json() {
            LiveCall c = call;
            return new CallJson(c.callId(), c.phase(), view.map(CallView::queueId).orElse(c.queueId()),
                    view.map(CallView::agentId).orElse(c.agentId()), c.callerNumber(), c.dialed(), c.sinceMs(),
                    c.phaseSinceMs(), view.map(CallView::position).orElse(null), view.map(CallView::waitMs).orElse(null));
        }
    }

    /** The gateway's live calls; the core is asked about the ones the gateway has in a line. */
    private List<Read> read() {
        List<LiveCall> all = live.list();
        List<CompletableFuture<Optional<CallView>>> views = all.stream()
                .map(c -> inLine(c) ? core.call(c.callId()) : CompletableFuture.completedFuture(Optional.<CallView>empty()))
                .toList();
        List<Read> reads = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            // a call that left the line between the two reads has no place in it any more
            reads.add(new Read(all.get(i), CoreAnswer.await(views.get(i)).filter(v -> v.state().inLine())));
        }
        return reads;
    }

    private static boolean inLine(LiveCall c) {
        return c.phase() == LiveCall.Phase.QUEUED || c.phase() == LiveCall.Phase.RINGING;
    }

    private List<QueueJson> queues(List<QueueView> queues, List<AgentView> agents, List<Read> calls) {
        Map<String, List<Caller>> callers = new HashMap<>();
        for (Read r : calls) {
            r.view().ifPresent(v -> callers.computeIfAbsent(v.queueId(), q -> new ArrayList<>())
                    .add(new Caller(v.callId(), v.position(), v.waitMs(), r.call().callerNumber(),
                            v.state() == CallState.RINGING_AGENT, v.agentId())));
        }
        callers.values().forEach(l -> l.sort(Comparator.comparingInt(Caller::position)));
        return queues.stream().map(q -> queue(q, agents, callers.getOrDefault(q.id(), List.of()))).toList();
    }

    private QueueJson queue(QueueView q, List<AgentView> agents, List<Caller> callers) {
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (AgentStatus s : AgentStatus.values()) {
            byStatus.put(s, 0);
        }
        for (AgentState s : AgentState.values()) {
            byState.put(s, 0);
        }
        AgentBoard board = AgentBoard.NONE;
        for (AgentView a : agents) {
            if (a.queues().contains(q.id())) {
                byStatus.merge(a.status(), 1, Integer::sum);
                byState.merge(a.state(), 1, Integer::sum);
                board = board.plus(AgentBoard.kind(a));
            }
        }
        Duration sl = serviceLevels.apply(q.id());
        return new QueueJson(q.id(), q.department(), q.strategy(), q.waiting(), q.ringing(), q.available(),
                q.staffed(), q.members(), q.longestWaitMs(), byStatus, byState, board, callers,
                sl == null ? null : sl.toMillis(), today.apply(q.id()));
    }
}
