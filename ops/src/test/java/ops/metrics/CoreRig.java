package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.agent.AgentSpec;
import acd.call.RingEnd;
import acd.engine.AcdEngine;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl;
import acd.testkit.RecordingCallControl.Ring;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The real routing core in virtual time, its events going to an {@link AcdMetrics} whose clock
 * is the same hand-held {@link #now}: the metrics see exactly what the server would feed them.
 */
final class CoreRig implements AutoCloseable {
    static final long T0 = 1_767_258_000_000L; // 2026-01-01T09:00:00Z

    final RecordingCallControl port = new RecordingCallControl();
    final AcdMetrics metrics;
    final AcdEngine engine;
    private final List<AgentSpec> agents = new ArrayList<>();
    private final List<QueueSpec> queues = new ArrayList<>();
    long now = T0;

    CoreRig() {
        this(queueId -> AcdMetrics.DEFAULT_SERVICE_LEVEL);
    }

    CoreRig(Function<String, Duration> serviceLevel) {
        metrics = new AcdMetrics(() -> now, serviceLevel);
        engine = new AcdEngine(port, metrics, new SplittableRandom(7), ZoneOffset.UTC, now);
    }

    CoreRig agents(String... ids) {
        Arrays.stream(ids).map(AgentSpec::of).forEach(agents::add);
        return this;
    }

    /** A queue ringing its members (agent ids) by priority, in the order given. */
    CoreRig queue(String id, String... members) {
        return queue(QueueSpec.of(id, StrategyKind.PRIORITY,
                Arrays.stream(members).map(m -> new MemberSpec(m, 1)).toList()));
    }

    CoreRig queue(QueueSpec spec) {
        queues.add(spec);
        return this;
    }

    CoreRig apply() {
        engine.configure(List.copyOf(agents), List.copyOf(queues), now);
        metrics.addQueues(queues.stream().map(QueueSpec::id).toList());
        return this;
    }

    /** Reachable, then logged in. */
    CoreRig online(String... ids) {
        for (String id : ids) {
            engine.setReachable(id, true, now);
            engine.login(id, now);
        }
        return this;
    }

    void call(String callId, String queueId) {
        engine.enqueue(callId, queueId, 0, now);
    }

    void advance(Duration d) {
        now += d.toMillis();
        engine.advanceTo(now);
    }

    /** The one agent rung for the call since the port was last cleared. */
    String rung(String callId) {
        List<Ring> rings = port.of(Ring.class).stream().filter(r -> r.callId().equals(callId)).toList();
        assertEquals(1, rings.size(), "rings for " + callId + ": " + port.commands());
        port.clear();
        return rings.get(0).agentId();
    }

    /** The ring for the call is answered after {@code after}; returns the agent. */
    String answerAfter(String callId, Duration after) {
        String agent = rung(callId);
        advance(after);
        engine.answered(callId, agent, now);
        return agent;
    }

    void ringFails(String callId, RingEnd why) {
        engine.ringFailed(callId, rung(callId), why, now);
    }

    void hangup(String callId) {
        engine.hangup(callId, now);
    }

    PrometheusText scrape() {
        return PrometheusText.parse(metrics.scrape());
    }

    @Override
    public void close() {
        metrics.close();
    }
}
