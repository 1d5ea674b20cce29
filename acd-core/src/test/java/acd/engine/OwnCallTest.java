package acd.engine;

import static acd.agent.AgentState.IDLE;
import static acd.agent.AgentState.ON_CALL;
import static acd.agent.AgentStatus.AVAILABLE;
import static acd.strategy.StrategyKind.LONGEST_IDLE;
import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CancelReason;
import acd.event.AcdEvent;
import acd.queue.QueueSpec;
import acd.testkit.RecordingCallControl.Cancel;
import acd.testkit.RecordingCallControl.Ring;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call the agent made themselves (dialling in, a feature code) keeps queue calls away until it ends. */
class OwnCallTest {

    @Test
    void anAgentOnTheirOwnCallIsNotRungUntilItEnds() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.online("a");
        rig.take();
        rig.ownCall("a", "own-1", true);
        assertEquals(List.of(new AcdEvent.AgentOwnCallChanged(rig.now, "a", "own-1", true)), rig.events);
        AgentView busy = rig.engine.agent("a").orElseThrow();
        assertTrue(busy.onOwnCall());
        assertFalse(busy.offerable());
        rig.assertAgent("a", AVAILABLE, IDLE);
        assertEquals(1, rig.queueView("q").staffed(), "still staffing the queue: the caller waits for them");

        rig.call("1", "q");
        rig.assertNoRing();
        rig.advance(30_000);
        rig.assertNoRing();

        rig.ownCall("a", "own-1", false);
        assertEquals("a", rig.ringOnly("1"), "rung as soon as the own call ends");
    }

    @Test
    void twoOwnCallsKeepTheAgentBusyUntilBothEndAndRepeatsChangeNothing() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.online("a");
        rig.ownCall("a", "own-1", true);
        rig.ownCall("a", "own-2", true);
        rig.ownCall("a", "own-1", true);
        assertEquals(1, rig.events.stream().filter(e -> e instanceof AcdEvent.AgentOwnCallChanged).count(),
                "one event: the agent became busy once");
        rig.call("1", "q");
        rig.ownCall("a", "own-1", false);
        rig.ownCall("a", "own-1", false);
        rig.assertNoRing();
        rig.ownCall("a", "own-2", false);
        assertEquals("a", rig.ringOnly("1"));
    }

    @Test
    void anOwnCallStartingWhileRungWithdrawsTheRingAndTheCallerGoesToTheNextAgent() {
        Rig rig = new Rig().agents("a", "b").queue("q", LONGEST_IDLE, "a", "b").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        assertEquals("a", rig.ringOnly("1"));
        rig.ownCall("a", "own-1", true);
        assertTrue(rig.port.commands().contains(new Cancel("1", "a", CancelReason.AGENT_UNAVAILABLE)),
                "the ring is withdrawn: " + rig.port.commands());
        assertTrue(rig.port.commands().stream().anyMatch(c -> c.equals(
                new Ring("1", "b", QueueSpec.DEFAULT_RING_TIMEOUT_MS))),
                "b is rung instead: " + rig.port.commands());
        assertEquals(0, rig.events.stream().filter(e -> e instanceof AcdEvent.RingNoAnswer).count(),
                "not a missed ring: the agent is busy, not away");
    }

    @Test
    void noWrapUpFollowsAnOwnCallAndTheIdleTimeIsKept() {
        Rig rig = new Rig().agents("a", "b")
                .queue(QueueSpec.of("q", LONGEST_IDLE, Rig.members("a", "b")).withWrapUpMs(60_000)).apply();
        rig.online("a", "b");
        rig.ownCall("a", "own-1", true);
        rig.advance(5_000);
        rig.ownCall("a", "own-1", false);
        rig.assertAgent("a", AVAILABLE, IDLE);
        rig.call("1", "q");
        assertEquals("a", rig.ringOnly("1"), "still the longest idle: an own call is not a queue call");
    }

    @Test
    void anOwnCallDuringAQueueCallKeepsTheAgentFromTheNextOneAfterWrapUp() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a")).withWrapUpMs(1_000)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.ownCall("a", "own-1", true);
        rig.assertAgent("a", AVAILABLE, ON_CALL);
        rig.hangup("1");
        rig.advance(1_000);
        rig.assertAgent("a", AVAILABLE, IDLE);
        rig.call("2", "q");
        rig.assertNoRing();
        rig.ownCall("a", "own-1", false);
        assertEquals("a", rig.ringOnly("2"));
    }
}
