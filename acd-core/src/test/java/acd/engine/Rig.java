package acd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl.Command;
import acd.testkit.RecordingCallControl.Ring;
import acd.testkit.RecordingCallControl;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** An engine in virtual time with a recording port, and short words for tests. */
final class Rig {
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    final RecordingCallControl port = new RecordingCallControl();
    final List<AcdEvent> events = new ArrayList<>();
    final AcdEngine engine;
    final Map<String, AgentSpec> agentSpecs = new LinkedHashMap<>();
    final Map<String, QueueSpec> queueSpecs = new LinkedHashMap<>();
    long now = T0 + 9 * 3_600_000L;

    Rig() {
        this(42);
    }

    Rig(long seed) {
        engine = new AcdEngine(port, events::add, new SplittableRandom(seed), ZoneOffset.UTC, now);
    }

    Rig agents(String... ids) {
        for (String id : ids) {
            agentSpecs.put(id, AgentSpec.of(id));
        }
        return this;
    }

    Rig agent(AgentSpec spec) {
        agentSpecs.put(spec.id(), spec);
        return this;
    }

    /** A queue with the given strategy and members "id:priority" (priority 1 if omitted). */
    Rig queue(String id, StrategyKind strategy, String... members) {
        return queue(QueueSpec.of(id, strategy, members(members)));
    }

    Rig queue(QueueSpec spec) {
        queueSpecs.put(spec.id(), spec);
        return this;
    }

    static List<MemberSpec> members(String... members) {
        return Arrays.stream(members).map(m -> {
            String[] p = m.split(":");
            return new MemberSpec(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1);
        }).toList();
    }

    Rig apply() {
        engine.configure(List.copyOf(agentSpecs.values()), List.copyOf(queueSpecs.values()), now);
        return this;
    }

    /** Reachable and logged in, in the order given (which sets their idle order: idle since reachable). */
    Rig online(String... ids) {
        for (String id : ids) {
            engine.setReachable(id, true, now);
            engine.login(id, now);
            now += 1;
        }
        return this;
    }

    void call(String callId, String queueId) {
        engine.enqueue(callId, queueId, 0, now);
    }

    void call(String callId, String queueId, int priority) {
        engine.enqueue(callId, queueId, priority, now);
    }

    void advance(long ms) {
        now += ms;
        engine.advanceTo(now);
    }

    void answer(String callId, String agentId) {
        engine.answered(callId, agentId, now);
    }

    void hangup(String callId) {
        engine.hangup(callId, now);
    }

    /** A call the agent made themselves starts ({@code inProgress}) or ends. */
    void ownCall(String agentId, String callId, boolean inProgress) {
        engine.ownCall(agentId, callId, inProgress, now);
    }

    /** Agents rung since the last take(), in order. */
    List<String> rings() {
        return port.of(Ring.class).stream().map(Ring::agentId).toList();
    }

    /** The port commands since the last call, then forgets them. */
    List<Command> take() {
        List<Command> out = port.take();
        events.clear();
        return out;
    }

    /** Rings the agents of {@code ringed} got for {@code callId}, then forgets the port's log. */
    String ringOnly(String callId) {
        List<Ring> rings = port.of(Ring.class).stream().filter(r -> r.callId().equals(callId)).toList();
        assertEquals(1, rings.size(), "expected exactly one ring for " + callId + ", port saw " + port.commands());
        port.clear();
        return rings.get(0).agentId();
    }

    AgentState state(String agentId) {
        return engine.agent(agentId).orElseThrow().state();
    }

    AgentStatus status(String agentId) {
        return engine.agent(agentId).orElseThrow().status();
    }

    /** The agent's status (what it set) and state (what calls drive), checked together. */
    void assertAgent(String agentId, AgentStatus status, AgentState state) {
        AgentView a = engine.agent(agentId).orElseThrow();
        assertEquals(status + "/" + state, a.status() + "/" + a.state(), "agent " + agentId);
    }

    QueueView queueView(String id) {
        return engine.queue(id).orElseThrow();
    }

    List<AcdEvent.CallEnded> ended() {
        return events.stream().filter(e -> e instanceof AcdEvent.CallEnded).map(e -> (AcdEvent.CallEnded) e).toList();
    }

    AcdEvent.CallEnded endedOnce(String callId) {
        List<AcdEvent.CallEnded> e = ended().stream().filter(x -> x.callId().equals(callId)).toList();
        assertEquals(1, e.size(), "call " + callId + " must end exactly once: " + e);
        return e.get(0);
    }

    void assertOutcome(String callId, CallOutcome outcome) {
        assertEquals(outcome, endedOnce(callId).outcome());
    }

    void assertNoRing() {
        assertTrue(port.of(Ring.class).isEmpty(), "expected no ring, port saw " + port.commands());
    }
}
