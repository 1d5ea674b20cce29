package acd.engine;

import static acd.strategy.StrategyKind.FEWEST_CALLS;
import static acd.strategy.StrategyKind.LONGEST_IDLE;
import static acd.strategy.StrategyKind.PRIORITY;
import static acd.strategy.StrategyKind.RANDOM;
import static acd.strategy.StrategyKind.RING_ALL;
import static acd.strategy.StrategyKind.ROUND_ROBIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CancelReason;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl.Bridge;
import acd.testkit.RecordingCallControl.Cancel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyTest {

    /** Answers and hangs up at once, with no wrap-up, so the agent is available again. */
    private static void serve(Rig rig, String callId, String agentId) {
        rig.answer(callId, agentId);
        rig.advance(1000);
        rig.hangup(callId);
        rig.port.clear();
    }

    @Test
    void priorityRingsTheHighestPriorityThenTheLongestIdle() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", PRIORITY, "a:5", "b:1", "c:1").apply();
        rig.online("a", "c", "b");
        rig.call("1", "q");
        assertEquals("c", rig.ringOnly("1"), "b and c share priority 1; c has been idle longer");
        serve(rig, "1", "c");
        rig.call("2", "q");
        assertEquals("b", rig.ringOnly("2"), "c's last call just ended, b has been idle longer");
        serve(rig, "2", "b");
        rig.engine.pause("b", "lunch", rig.now);
        rig.engine.pause("c", "lunch", rig.now);
        rig.call("3", "q");
        assertEquals("a", rig.ringOnly("3"), "priority 5 is rung when nobody better is available");
    }

    @Test
    void neverCalledAgentsCountIdleFromLogin() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a", "b").apply();
        rig.online("a");
        rig.call("1", "q");
        serve(rig, "1", rig.ringOnly("1"));
        rig.online("b");
        rig.call("2", "q");
        assertEquals("a", rig.ringOnly("2"), "a's call ended before b logged in");
    }

    @Test
    void longestIdleIgnoresPriority() {
        Rig rig = new Rig().agents("a", "b").queue("q", LONGEST_IDLE, "a:1", "b:9").apply();
        rig.online("b", "a");
        rig.call("1", "q");
        assertEquals("b", rig.ringOnly("1"));
        serve(rig, "1", "b");
        rig.call("2", "q");
        assertEquals("a", rig.ringOnly("2"));
    }

    @Test
    void roundRobinContinuesAfterTheMemberRungLastAcrossCalls() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", ROUND_ROBIN, "a", "b", "c").apply();
        rig.online("c", "b", "a");
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String id = "c" + i;
            rig.call(id, "q");
            String agent = rig.ringOnly(id);
            order.append(agent);
            serve(rig, id, agent);
        }
        assertEquals("abcab", order.toString());
    }

    @Test
    void roundRobinSkipsMembersThatAreNotAvailable() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", ROUND_ROBIN, "a", "b", "c").apply();
        rig.online("a", "b", "c");
        rig.engine.pause("b", "break", rig.now);
        rig.call("1", "q");
        serve(rig, "1", rig.ringOnly("1"));
        rig.call("2", "q");
        assertEquals("c", rig.ringOnly("2"));
    }

    @Test
    void fewestCallsPrefersTheAgentWithFewestAnsweredCallsToday() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", FEWEST_CALLS, "a", "b", "c").apply();
        rig.online("a", "b", "c");
        rig.call("1", "q");
        serve(rig, "1", rig.ringOnly("1")); // a: 1
        rig.call("2", "q");
        assertEquals("b", rig.ringOnly("2"));
        serve(rig, "2", "b");
        rig.call("3", "q");
        assertEquals("c", rig.ringOnly("3"));
        serve(rig, "3", "c");
        rig.call("4", "q");
        assertEquals("a", rig.ringOnly("4"), "all have one; a has been idle longest");
        serve(rig, "4", "a"); // a: 2, b: 1, c: 1
        rig.call("5", "q");
        assertEquals("b", rig.ringOnly("5"));
    }

    @Test
    void fewestCallsCountsResetAtMidnight() {
        Rig rig = new Rig().agents("a", "b").queue("q", FEWEST_CALLS, "a", "b").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        serve(rig, "1", rig.ringOnly("1")); // a: 1, b: 0, a idle since now
        rig.advance(24 * 3_600_000L);
        assertEquals(0, rig.engine.agent("a").orElseThrow().answeredToday());
        rig.call("2", "q");
        assertEquals("b", rig.ringOnly("2"), "counts are equal after midnight; b has been idle longer");
    }

    @Test
    void fewestCallsCountsWhatTheRecordsHoldForTodayAfterARestart() {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", FEWEST_CALLS, "a", "b", "c").apply();
        rig.online("a", "b", "c");
        rig.engine.addAnsweredToday(Map.of("a", 3, "b", 1, "gone", 7), rig.now);
        assertEquals(3, rig.engine.agent("a").orElseThrow().answeredToday());
        rig.call("1", "q");
        assertEquals("c", rig.ringOnly("1"), "c answered none today; a and b did before the restart");
        serve(rig, "1", "c"); // a: 3, b: 1, c: 1
        rig.call("2", "q");
        assertEquals("b", rig.ringOnly("2"), "b and c have one each; b has been idle longer");
    }

    @Test
    void randomRingsAnUntriedMemberAfterATimeout() {
        for (long seed = 1; seed <= 20; seed++) {
            Rig rig = new Rig(seed).agents("a", "b", "c").queue("q", RANDOM, "a", "b", "c").apply();
            rig.online("a", "b", "c");
            rig.call("1", "q");
            Set<String> rung = new HashSet<>();
            rung.add(rig.ringOnly("1"));
            rig.advance(15_000);
            rung.add(rig.ringOnly("1"));
            rig.advance(15_000);
            rung.add(rig.ringOnly("1"));
            assertEquals(Set.of("a", "b", "c"), rung, "seed " + seed + ": each member once before any repeat");
        }
    }

    @Test
    void ringAllRingsEveryAvailableMemberAndTheFirstAnswerWins() {
        Rig rig = new Rig().agents("a", "b", "c", "d").queue("q", RING_ALL, "a", "b", "c", "d").apply();
        rig.online("a", "b", "c", "d");
        rig.engine.pause("d", "break", rig.now);
        rig.call("1", "q");
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(rig.rings()));
        rig.port.clear();
        rig.answer("1", "b");
        rig.answer("1", "c"); // crossed the cancel: too late
        List<Cancel> cancels = rig.port.of(Cancel.class);
        assertEquals(Set.of("a", "c"), new HashSet<>(cancels.stream().map(Cancel::agentId).toList()));
        assertTrue(cancels.stream().allMatch(c -> c.reason() == CancelReason.ANSWERED_ELSEWHERE));
        assertEquals(List.of(new Bridge("1", "b")), rig.port.of(Bridge.class), "exactly one bridge");
        assertEquals(AgentState.ON_CALL, rig.state("b"));
        rig.assertAgent("a", AgentStatus.AVAILABLE, AgentState.IDLE);
        rig.assertAgent("c", AgentStatus.AVAILABLE, AgentState.IDLE);
    }

    @Test
    void ringAllRingsEveryoneAgainAfterATimeout() {
        Rig rig = new Rig().agents("a", "b").queue("q", RING_ALL, "a", "b").apply();
        rig.online("a", "b");
        rig.call("1", "q");
        rig.port.clear();
        rig.advance(15_000);
        assertEquals(Set.of("a", "b"), new HashSet<>(rig.port.of(Cancel.class).stream().map(Cancel::agentId).toList()));
        assertEquals(Set.of("a", "b"), new HashSet<>(rig.rings()));
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void everyStrategyNeverRingsPausedUnreachableOrLoggedOutAgents(StrategyKind kind) {
        Rig rig = new Rig().agents("paused", "away", "out", "ok").queue("q", kind, "paused", "away", "out", "ok").apply();
        rig.online("paused", "away", "ok");
        rig.engine.pause("paused", "break", rig.now);
        rig.engine.setReachable("away", false, rig.now);
        rig.engine.logout("out", rig.now);
        rig.engine.setReachable("out", true, rig.now);
        for (int i = 0; i < 5; i++) {
            rig.call("c" + i, "q");
            assertEquals(List.of("ok"), rig.rings());
            serve(rig, "c" + i, "ok");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void everyStrategyTriesEveryMemberBeforeRingingOneAgain(StrategyKind kind) {
        Rig rig = new Rig().agents("a", "b", "c").queue("q", kind, "a", "b", "c").apply();
        rig.online("a", "b", "c");
        rig.call("1", "q");
        Set<String> firstRound = new HashSet<>(rig.rings());
        rig.port.clear();
        while (firstRound.size() < 3) {
            rig.advance(15_000);
            List<String> again = rig.rings();
            assertTrue(again.stream().noneMatch(firstRound::contains), kind + " re-rang " + again + " before trying everyone");
            firstRound.addAll(again);
            rig.port.clear();
        }
        rig.advance(15_000);
        assertNotEquals(List.of(), rig.rings(), "a new round starts once everyone was tried");
    }

    /**
     * An ACD offers a freed agent a waiting call at once: no guard time, whatever the strategy
     * (the load driver's "agent idle while calls wait" was the longest-idle rotation, see the report).
     */
    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void freedAgentIsRungForTheWaitingCallerAtTheSameInstant(StrategyKind kind) {
        Rig rig = new Rig().agents("a").queue("q", kind, "a").apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.call("2", "q");
        rig.assertNoRing();
        rig.advance(1000);
        rig.hangup("1");
        assertEquals("a", rig.ringOnly("2"), kind + ": the call's end frees the agent for the next caller");
        assertEquals(AgentState.RINGING, rig.state("a"));

        rig.call("3", "q");
        rig.advance(200);
        rig.hangup("2"); // caller 2 gives up while a rings: a is free for caller 3 at once
        assertEquals("a", rig.ringOnly("3"), kind + ": a ring's end frees the agent for the next caller");
    }
}
