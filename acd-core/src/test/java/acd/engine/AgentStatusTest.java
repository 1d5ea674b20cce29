package acd.engine;

import static acd.agent.AgentState.IDLE;
import static acd.agent.AgentState.ON_CALL;
import static acd.agent.AgentState.RINGING;
import static acd.agent.AgentState.WRAP_UP;
import static acd.agent.AgentStatus.AVAILABLE;
import static acd.agent.AgentStatus.LOGGED_OUT;
import static acd.agent.AgentStatus.PAUSED;
import static acd.strategy.StrategyKind.LONGEST_IDLE;
import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.Agent;
import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.agent.RestoredStatus;
import acd.call.CancelReason;
import acd.event.AcdEvent;
import acd.queue.QueueSpec;
import acd.testkit.RecordingCallControl.Cancel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agent status (set by the agent) apart from agent state (driven by calls), and reachability as an input. */
class AgentStatusTest {

    @Test
    void aConfiguredAgentIsLoggedInFromTheStartAndOfferedOnceReachable() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.assertAgent("a", AVAILABLE, IDLE);
        assertFalse(rig.engine.agent("a").orElseThrow().offerable());
        rig.call("1", "q");
        rig.assertNoRing();
        rig.engine.setReachable("a", true, rig.now);
        assertTrue(rig.events.contains(new AcdEvent.AgentReachabilityChanged(rig.now, "a", true)));
        assertEquals("a", rig.ringOnly("1"));
    }

    @Test
    void aRestartKeepsWhoWasPausedOrLoggedOutAndOnlyAtTheFirstConfigure() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", PRIORITY, "a", "b", "c");
        rig.engine.restoreStatuses(Map.of("a", new RestoredStatus(PAUSED, "lunch"),
                "b", new RestoredStatus(LOGGED_OUT, null), "gone", new RestoredStatus(PAUSED, "break")));
        rig.apply();
        rig.assertAgent("a", PAUSED, IDLE);
        assertEquals("lunch", rig.engine.agent("a").orElseThrow().pauseReason());
        rig.assertAgent("b", LOGGED_OUT, IDLE);
        rig.assertAgent("c", AVAILABLE, IDLE);
        assertTrue(rig.events.stream().noneMatch(e -> e instanceof AcdEvent.AgentStatusChanged s
                && s.agentId().equals("b")), "b was never logged in: no status event");
        for (String id : List.of("a", "b", "c")) {
            rig.engine.setReachable(id, true, rig.now);
        }
        rig.call("1", "q");
        assertEquals("c", rig.ringOnly("1"), "only c is taking calls");

        rig.agents("d").queue("q", PRIORITY, "a", "b", "c", "d");
        rig.engine.restoreStatuses(Map.of()); // nothing restored for a reload
        rig.apply();
        rig.assertAgent("d", AVAILABLE, IDLE);
        rig.assertAgent("b", LOGGED_OUT, IDLE);
    }

    @Test
    void aLogoutSurvivesReachabilityChanges() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.online("a");
        rig.engine.logout("a", rig.now);
        rig.engine.setReachable("a", false, rig.now);
        rig.engine.setReachable("a", true, rig.now);
        rig.call("1", "q");
        rig.assertNoRing();
        rig.assertAgent("a", LOGGED_OUT, IDLE);
        rig.engine.login("a", rig.now);
        assertEquals("a", rig.ringOnly("1"));
    }

    @Test
    void logoutOnACallLetsTheCallAndItsWrapUpRunOn() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a")).withWrapUpMs(10_000)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.take();
        rig.engine.logout("a", rig.now);
        rig.assertAgent("a", LOGGED_OUT, ON_CALL);
        assertEquals(List.of(new AcdEvent.AgentStatusChanged(rig.now, "a", AVAILABLE, LOGGED_OUT, "logout")), rig.events);
        assertTrue(rig.port.commands().isEmpty(), "the call is not touched: " + rig.port.commands());
        rig.hangup("1");
        rig.assertAgent("a", LOGGED_OUT, WRAP_UP);
        rig.advance(10_000);
        rig.assertAgent("a", LOGGED_OUT, IDLE);
        rig.call("2", "q");
        rig.assertNoRing();
    }

    @Test
    void pausingARingingAgentWithdrawsTheRingAtOnce() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.engine.pause("a", "break", rig.now);
        assertEquals(List.of(new Cancel("1", "a", CancelReason.AGENT_UNAVAILABLE)), rig.port.take());
        rig.assertAgent("a", PAUSED, IDLE);
        assertEquals(1, rig.queueView("q").waiting());
    }

    @Test
    void pausedAgentsDoNotStaffButBusyAvailableOnesDo() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a", "b").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.engine.pause("b", "lunch", rig.now);
        assertEquals(1, rig.queueView("q").staffed(), "a on a call still staffs the queue, b paused does not");
        rig.engine.logout("a", rig.now);
        assertEquals(0, rig.queueView("q").staffed());
    }

    @Test
    void neverCalledAgentsAreIdleSinceTheyBecameLoggedInAndReachable() {
        Rig rig = new Rig().agents("a", "b").queue("q", LONGEST_IDLE, "a", "b").apply();
        rig.engine.setReachable("b", true, rig.now);
        rig.now += 1000;
        rig.engine.setReachable("a", true, rig.now);
        rig.call("1", "q");
        assertEquals("b", rig.ringOnly("1"), "b has been reachable longer");
        rig.hangup("1");
        rig.engine.logout("b", rig.now);
        rig.now += 1000;
        rig.engine.login("b", rig.now);
        rig.call("2", "q");
        assertEquals("a", rig.ringOnly("2"), "b's idle time starts again at its login");
    }

    @Test
    void agentStateTransitionsOutsideTheTableThrow() {
        Agent a = new Agent(AgentSpec.of("a"), 0, x -> { });
        assertThrows(IllegalStateException.class, () -> a.state(AgentState.ON_CALL, 0));
        assertThrows(IllegalStateException.class, () -> a.state(AgentState.WRAP_UP, 0));
        a.state(RINGING, 0);
        assertThrows(IllegalStateException.class, () -> a.state(AgentState.WRAP_UP, 0));
        assertThrows(IllegalStateException.class, () -> a.state(RINGING, 0));
        a.state(ON_CALL, 0);
        assertThrows(IllegalStateException.class, () -> a.state(RINGING, 0));
        a.state(WRAP_UP, 0);
        assertThrows(IllegalStateException.class, () -> a.state(ON_CALL, 0));
        a.state(IDLE, 0);
    }
}
