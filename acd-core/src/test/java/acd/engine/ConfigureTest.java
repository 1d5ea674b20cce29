package acd.engine;

import static acd.strategy.StrategyKind.LONGEST_IDLE;
import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.CancelReason;
import acd.queue.QueueSpec;
import acd.testkit.RecordingCallControl.Cancel;
import acd.testkit.RecordingCallControl.Leave;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigureTest {

    @Test
    void reloadKeepsAgentStateAndCallsInProgress() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a", "b").apply();
        rig.online("a", "b");
        rig.engine.pause("b", "training", rig.now);
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.queue(QueueSpec.of("q", LONGEST_IDLE, Rig.members("a", "b")).withWrapUpMs(5_000)).apply();
        rig.assertAgent("b", AgentStatus.PAUSED, AgentState.IDLE);
        assertEquals("training", rig.engine.agent("b").orElseThrow().pauseReason());
        assertEquals(AgentState.ON_CALL, rig.state("a"));
        assertEquals(CallState.BRIDGED, rig.engine.call("1").orElseThrow().state());
        rig.hangup("1");
        assertEquals(AgentState.WRAP_UP, rig.state("a"), "the new wrap-up time applies");
        rig.assertOutcome("1", CallOutcome.COMPLETED);
    }

    @Test
    void changedStrategyAppliesToTheNextRouting() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a:1", "b:2").apply();
        rig.online("b", "a");
        rig.queue("q", LONGEST_IDLE, "a:1", "b:2").apply();
        rig.call("1", "q");
        assertEquals("b", rig.ringOnly("1"));
    }

    @Test
    void removedQueueSendsItsWaitingAndRingingCallersToItsFallback() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a"))
                .withMaxWait(0)).queue("other", PRIORITY, "a").apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.call("2", "q");
        rig.queueSpecs.remove("q");
        rig.apply();
        List<Leave> leaves = rig.port.of(Leave.class);
        assertEquals(List.of(new Leave("1", "q", CallOutcome.QUEUE_REMOVED),
                new Leave("2", "q", CallOutcome.QUEUE_REMOVED)), leaves);
        assertTrue(rig.port.commands().contains(new Cancel("1", "a", CancelReason.LEFT_QUEUE)));
        rig.assertAgent("a", AgentStatus.AVAILABLE, AgentState.IDLE);
        assertTrue(rig.engine.queue("q").isEmpty());
    }

    @Test
    void newMemberTakesAWaitingCaller() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a").apply();
        rig.online("b");
        rig.call("1", "q");
        rig.assertNoRing();
        rig.queue("q", PRIORITY, "a", "b").apply();
        assertEquals("b", rig.ringOnly("1"));
    }

    @Test
    void removedAgentOnACallLeavesWhenTheCallEnds() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a:1", "b:2").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.agentSpecs.remove("a");
        rig.queue("q", PRIORITY, "b:2").apply();
        assertEquals(AgentState.ON_CALL, rig.state("a"));
        rig.call("2", "q");
        assertEquals("b", rig.ringOnly("2"));
        rig.hangup("1");
        assertTrue(rig.engine.agent("a").isEmpty());
        rig.assertOutcome("1", CallOutcome.COMPLETED);
    }

    @Test
    void removedRingingAgentHandsTheCallerBack() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a:1", "b:2").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.agentSpecs.remove("a");
        rig.queue("q", PRIORITY, "b:2").apply();
        assertTrue(rig.port.commands().contains(new Cancel("1", "a", CancelReason.AGENT_UNAVAILABLE)));
        assertEquals("b", rig.ringOnly("1"));
        assertTrue(rig.engine.agent("a").isEmpty());
    }

    @Test
    void unchangedConfigChangesNothing() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.apply();
        assertTrue(rig.port.commands().isEmpty(), "reload of the same config must not touch calls: " + rig.port.commands());
        assertEquals(AgentState.RINGING, rig.state("a"));
    }
}
