package acd.bench;

import acd.agent.AgentSpec;
import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.engine.AcdEngine;
import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The routing decision at call-center scale: 10,000 agents, 1,000 queues (every strategy),
 * each agent in three queues with a priority there, everyone available. One operation is a
 * caller arriving in the next queue (round the queues) and the engine picking and ringing an
 * agent, then the call being undone cheaply so every operation meets the same state: the
 * caller hangs up while it rings, or the agent answers and hangs up with no wrap-up (which
 * moves the agent to the back of the idle order, so the indexes churn as they do in service).
 * A third operation has no arrival at all: a ringing agent rejects and the engine reroutes.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per operation,
 * which include the events and the call the engine creates for each arrival.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {
    static final int AGENTS = 10_000;
    static final int QUEUES = 1_000;
    static final int QUEUES_PER_AGENT = 3;
    /** Call ids are reused: each call has left the engine before its id comes round again. */
    static final int CALL_IDS = 1 << 10;

    /**
     * Which queues the operations route to, in turn: "single-ring" (every strategy but ring-all,
     * whose one decision rings all ~30 members of a queue and so is measured on its own),
     * "all", or the config name of one strategy.
     */
    @Param({"single-ring"})
    public String strategy;

    private AcdEngine engine;
    private final QuietPort port = new QuietPort();
    /** The queues the operations route to, in turn. */
    private String[] targets;
    private String[] callIds;
    private long nowMs;
    private int nextQueue;
    private int nextCall;

    /** Rerouting: one call per queue, always ringing someone; the agent each one rings now. */
    private String[] standingCalls;
    private String[] standingRung;
    private int nextStanding;

    @Setup
    public void setUp(BenchmarkParams params) {
        setUp(params.getBenchmark());
    }

    /** Builds the engine for {@code benchmark} (a method name, possibly qualified); also used by {@link RoutingCpuProbe}. */
    void setUp(String benchmark) {
        nowMs = 1_767_225_600_000L; // a midnight, so the daily reset stays out of the run
        engine = new AcdEngine(port, new QuietListener(), new SplittableRandom(42), ZoneOffset.UTC, nowMs);
        List<AgentSpec> agents = new ArrayList<>(AGENTS);
        List<List<MemberSpec>> members = new ArrayList<>(QUEUES);
        for (int q = 0; q < QUEUES; q++) {
            members.add(new ArrayList<>());
        }
        SplittableRandom layout = new SplittableRandom(7);
        for (int a = 0; a < AGENTS; a++) {
            String id = String.format("agent%05d", a);
            agents.add(AgentSpec.of(id));
            // the first queue makes every queue staffed, the others are distinct random ones
            int[] mine = IntStream.concat(IntStream.of(a % QUEUES), layout.ints(0, QUEUES))
                    .distinct().limit(QUEUES_PER_AGENT).toArray();
            for (int q : mine) {
                members.get(q).add(new MemberSpec(id, 1 + layout.nextInt(5) * 20));
            }
        }
        StrategyKind[] kinds = StrategyKind.values();
        List<QueueSpec> queues = new ArrayList<>(QUEUES);
        for (int q = 0; q < QUEUES; q++) {
            queues.add(QueueSpec.of(String.format("queue%04d", q), kinds[q % kinds.length], members.get(q))
                    .withAutoPauseAfter(0));
        }
        engine.configure(agents, queues, nowMs);
        targets = queues.stream()
                .filter(this::targeted)
                .map(QueueSpec::id).toArray(String[]::new);
        if (targets.length == 0) {
            throw new IllegalArgumentException("strategy=" + strategy + " matches no queue; use single-ring, all or a config name");
        }
        for (AgentSpec a : agents) {
            engine.setReachable(a.id(), true, nowMs);
            engine.login(a.id(), nowMs);
        }
        callIds = new String[CALL_IDS];
        for (int i = 0; i < CALL_IDS; i++) {
            callIds[i] = "call" + i;
        }
        if (benchmark.endsWith("rerouteAfterReject")) {
            standCallsInSingleRingQueues(queues);
        }
    }

    private boolean targeted(QueueSpec q) {
        return switch (strategy) {
            case "all" -> true;
            case "single-ring" -> q.strategy() != StrategyKind.RING_ALL;
            default -> q.strategy().configName().equals(strategy);
        };
    }

    /** Puts one call in each targeted queue whose strategy rings one agent at a time. */
    private void standCallsInSingleRingQueues(List<QueueSpec> queues) {
        List<String> single = new ArrayList<>();
        for (QueueSpec q : queues) {
            if (q.strategy() != StrategyKind.RING_ALL && List.of(targets).contains(q.id())) {
                single.add(q.id());
            }
        }
        if (single.isEmpty()) {
            throw new IllegalArgumentException("rerouteAfterReject needs queues that ring one agent at a time");
        }
        standingCalls = new String[single.size()];
        standingRung = new String[single.size()];
        for (int i = 0; i < standingCalls.length; i++) {
            standingCalls[i] = "standing-" + single.get(i);
            engine.enqueue(standingCalls[i], single.get(i), 0, nowMs);
            standingRung[i] = port.lastRung;
        }
    }

    /** A caller arrives, an agent is picked and rung, then the caller hangs up while it rings. */
    @Benchmark
    public String routeThenAbandon() {
        String callId = arrive();
        engine.hangup(callId, nowMs);
        return port.lastRung;
    }

    /** A caller arrives, an agent is picked and rung, answers, and the call ends (no wrap-up). */
    @Benchmark
    public String routeAnswerHangup() {
        String callId = arrive();
        String agent = port.lastRung;
        engine.answered(callId, agent, nowMs);
        engine.hangup(callId, ++nowMs);
        return agent;
    }

    /**
     * The agent a waiting call rings rejects it; the engine picks the next member the call has
     * not tried and rings it. No call is created: this is the bare routing decision.
     */
    @Benchmark
    public String rerouteAfterReject() {
        int i = nextStanding;
        nextStanding = i + 1 == standingCalls.length ? 0 : i + 1;
        engine.ringFailed(standingCalls[i], standingRung[i], RingEnd.REJECTED, ++nowMs);
        standingRung[i] = port.lastRung;
        return standingRung[i];
    }

    private String arrive() {
        String callId = callIds[nextCall];
        nextCall = (nextCall + 1) & (CALL_IDS - 1);
        String queueId = targets[nextQueue];
        nextQueue = nextQueue + 1 == targets.length ? 0 : nextQueue + 1;
        engine.enqueue(callId, queueId, 0, ++nowMs);
        return callId;
    }

    /** Remembers the last agent rung and nothing else, so the port adds no allocation. */
    static final class QuietPort implements CallControl {
        String lastRung;
        long commands;

        @Override
        public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
            lastRung = agentId;
            commands++;
        }

        @Override
        public void cancelRing(String callId, String agentId, CancelReason reason) {
            commands++;
        }

        @Override
        public void bridge(String callId, String agentId) {
            commands++;
        }

        @Override
        public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
            throw new IllegalStateException("no caller should leave a queue in this benchmark: " + callId + " " + queueId + " " + outcome);
        }
    }

    /** Counts events without keeping them. */
    static final class QuietListener implements AcdEventListener {
        long events;

        @Override
        public void onEvent(AcdEvent event) {
            events++;
        }
    }
}
