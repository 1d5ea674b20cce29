package acd.engine;

import static acd.agent.AgentState.IDLE;
import static acd.agent.AgentState.ON_CALL;
import static acd.agent.AgentStatus.AVAILABLE;
import static acd.agent.AgentStatus.LOGGED_OUT;
import static acd.agent.AgentStatus.PAUSED;
import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.queue.NoAgentsPolicy;
import acd.queue.QueueSpec;
import acd.testkit.RecordingCallControl.Cancel;
import acd.testkit.RecordingCallControl.Leave;
import acd.testkit.RecordingCallControl.Ring;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static Rig twoAgents(QueueSpec spec) {
        Rig rig = new Rig().agents("a", "b").queue(spec).apply();
        rig.online("a", "b");
        return rig;
    }

    private static QueueSpec q(String... members) {
        return QueueSpec.of("q", PRIORITY, Rig.members(members));
    }

    @Test
    void ringTimeoutCancelsAndRingsTheNextAgent() {
        Rig rig = twoAgents(q("a:1", "b:2"));
        rig.call("1", "q");
        assertEquals("a", rig.ringOnly("1"));
        rig.advance(14_999);
        rig.assertNoRing();
        rig.advance(1);
        assertEquals(List.of(new Cancel("1", "a", CancelReason.TIMEOUT)), rig.port.of(Cancel.class));
        assertEquals("b", rig.ringOnly("1"));
        rig.assertAgent("a", AVAILABLE, IDLE);
        assertTrue(rig.events.stream().anyMatch(e -> e instanceof AcdEvent.RingNoAnswer r
                && r.agentId().equals("a") && r.reason() == RingEnd.TIMEOUT));
    }

    @Test
    void rejectIsHandledLikeATimeoutAtOnce() {
        Rig rig = twoAgents(q("a:1", "b:2"));
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.engine.ringFailed("1", "a", RingEnd.REJECTED, rig.now);
        assertTrue(rig.port.of(Cancel.class).isEmpty(), "the gateway already knows the ring ended");
        assertEquals("b", rig.ringOnly("1"));
    }

    @Test
    void onlyAgentIsRungAgainOnceEveryoneWasTried() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.advance(15_000);
        assertEquals("a", rig.ringOnly("1"), "no caller waits while an eligible agent is idle");
    }

    @Test
    void maxWaitSendsTheCallerToTheFallbackAndCancelsTheRing() {
        Rig rig = twoAgents(q("a").withMaxWait(60_000).withRingTimeoutMs(90_000));
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.advance(60_000);
        assertEquals(List.of(new Cancel("1", "a", CancelReason.LEFT_QUEUE),
                new Leave("1", "q", CallOutcome.TIMED_OUT)), rig.port.take());
        rig.assertAgent("a", AVAILABLE, IDLE);
    }

    @Test
    void maxWaitAppliesToCallersWaitingWithNoAgent() {
        Rig rig = new Rig().agents("a").queue(q("a").withMaxWait(30_000)).apply();
        rig.call("1", "q");
        rig.advance(30_000);
        assertEquals(List.of(new Leave("1", "q", CallOutcome.TIMED_OUT)), rig.port.take());
        assertEquals(30_000, rig.endedOnce("1").waitMs());
    }

    @Test
    void whenNoAgentsWaitQueuesTheCallerEvenWithNobodyLoggedIn() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.call("1", "q");
        assertEquals(1, rig.queueView("q").waiting());
        rig.online("a");
        assertEquals("a", rig.ringOnly("1"));
    }

    @Test
    void whenNoAgentsFallbackSendsTheCallerOnAtOnce() {
        Rig rig = new Rig().agents("a").queue(q("a").withWhenNoAgents(NoAgentsPolicy.FALLBACK)
                .withMaxWait(0)).apply();
        rig.online("a");
        rig.engine.pause("a", "lunch", rig.now);
        rig.call("1", "q");
        assertEquals(List.of(new Leave("1", "q", CallOutcome.NO_AGENTS)), rig.port.take());
    }

    @Test
    void whenNoAgentsFallbackEmptiesTheQueueWhenTheLastAgentLeaves() {
        Rig rig = new Rig().agents("a", "b").queue(q("a", "b").withWhenNoAgents(NoAgentsPolicy.FALLBACK)
                .withMaxWait(0)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.call("2", "q");
        rig.port.clear();
        rig.engine.logout("a", rig.now); // on a call: logged out at once, the call carries on
        rig.assertNoRing();
        assertEquals(List.of(new Leave("2", "q", CallOutcome.NO_AGENTS)), rig.port.of(Leave.class));
        assertEquals(0, rig.queueView("q").waiting());
        rig.assertAgent("a", LOGGED_OUT, ON_CALL);
        assertEquals(CallState.BRIDGED, rig.engine.call("1").orElseThrow().state());
        rig.hangup("1");
        rig.assertAgent("a", LOGGED_OUT, IDLE);
        rig.assertOutcome("1", CallOutcome.COMPLETED);
    }

    @Test
    void queueFullSendsTheCallerToTheFallback() {
        Rig rig = new Rig().agents("a").queue(q("a").withMaxLength(2)).apply();
        rig.call("1", "q");
        rig.call("2", "q");
        rig.call("3", "q");
        assertEquals(List.of(new Leave("3", "q", CallOutcome.QUEUE_FULL)), rig.port.take());
    }

    @Test
    void wrapUpKeepsTheAgentFromCallsUntilItEnds() {
        Rig rig = new Rig().agents("a").queue(q("a").withWrapUpMs(10_000)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.advance(60_000);
        rig.hangup("1");
        assertEquals(AgentState.WRAP_UP, rig.state("a"));
        AcdEvent.CallEnded ended = rig.endedOnce("1");
        assertEquals(60_000, ended.talkMs());
        rig.call("2", "q");
        rig.advance(9_999);
        rig.assertNoRing();
        rig.advance(1);
        assertEquals(AgentState.RINGING, rig.state("a"));
        assertEquals("a", rig.ringOnly("2"));
    }

    @Test
    void wrapUpIsPerAgentAcrossQueues() {
        Rig rig = new Rig().agents("a")
                .queue(QueueSpec.of("sales", PRIORITY, Rig.members("a")).withWrapUpMs(30_000))
                .queue(QueueSpec.of("support", PRIORITY, Rig.members("a")).withWrapUpMs(5_000)).apply();
        rig.online("a");
        rig.call("1", "sales");
        rig.answer("1", rig.ringOnly("1"));
        rig.hangup("1");
        rig.call("2", "support");
        rig.advance(29_999);
        rig.assertNoRing();
        rig.advance(1);
        assertEquals("a", rig.ringOnly("2"), "the wrap-up of the queue the call came from applies");
    }

    @Test
    void autoPauseAfterConsecutiveUnansweredRings() {
        Rig rig = new Rig().agents("a").queue(q("a").withAutoPauseAfter(2)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.engine.ringFailed("1", "a", RingEnd.REJECTED, rig.now);
        assertEquals(AgentState.RINGING, rig.state("a"), "one miss: still taking calls (rung again)");
        rig.advance(15_000);
        rig.assertAgent("a", PAUSED, IDLE);
        assertEquals("no answer", rig.engine.agent("a").orElseThrow().pauseReason());
        assertEquals(1, rig.queueView("q").waiting());
    }

    @Test
    void autoPauseCountResetsOnAnswerAndZeroTurnsItOff() {
        Rig rig = new Rig().agents("a").queue(q("a").withAutoPauseAfter(2)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.advance(15_000);
        rig.answer("1", "a");
        rig.hangup("1");
        rig.call("2", "q");
        rig.advance(15_000);
        assertEquals(AgentState.RINGING, rig.state("a"), "the answer reset the count");

        Rig off = new Rig().agents("a").queue(q("a").withAutoPauseAfter(0)).apply();
        off.online("a");
        off.call("1", "q");
        off.advance(15_000 * 20);
        assertEquals(AgentState.RINGING, off.state("a"));
    }

    @Test
    void callerHangingUpWhileRingingCancelsTheRingAndFreesTheAgent() {
        Rig rig = twoAgents(q("a").withAutoPauseAfter(1));
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.advance(7_000);
        rig.hangup("1");
        assertEquals(List.of(new Cancel("1", "a", CancelReason.CALLER_GONE)), rig.port.take());
        assertEquals(AVAILABLE, rig.status("a"), "not the agent's fault: no auto-pause");
        assertEquals(IDLE, rig.state("a"));
        rig.engine.hangup("1", rig.now); // a second hangup is harmless
        AcdEvent.CallEnded e = rig.endedOnce("1");
        assertEquals(CallOutcome.ABANDONED, e.outcome());
        assertEquals(7_000, e.waitMs());
        assertTrue(rig.engine.call("1").isEmpty());
    }

    @Test
    void callerHangingUpWhileWaitingIsAbandoned() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.call("1", "q");
        rig.advance(3_000);
        rig.hangup("1");
        rig.assertOutcome("1", CallOutcome.ABANDONED);
        assertEquals(0, rig.queueView("q").waiting());
    }

    @Test
    void answeredCallReportsWaitAndTalkTime() {
        Rig rig = twoAgents(q("a"));
        rig.call("1", "q");
        rig.advance(4_000);
        rig.answer("1", "a");
        assertTrue(rig.events.contains(new AcdEvent.CallAnswered(rig.now, "1", "q", "a", 4_000)));
        rig.advance(90_000);
        rig.hangup("1");
        AcdEvent.CallEnded e = rig.endedOnce("1");
        assertEquals(CallOutcome.COMPLETED, e.outcome());
        assertEquals("a", e.agentId());
        assertEquals(4_000, e.waitMs());
        assertEquals(90_000, e.talkMs());
    }

    @Test
    void callerPriorityJumpsTheLine() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.call("1", "q");
        rig.call("2", "q");
        rig.call("vip", "q", 5);
        assertEquals(1, rig.engine.call("vip").orElseThrow().position());
        assertEquals(3, rig.engine.call("2").orElseThrow().position());
        rig.online("a");
        assertEquals("a", rig.ringOnly("vip"));
    }

    @Test
    void agentInSeveralQueuesTakesTheCallerWhoWaitedLongest() {
        Rig rig = new Rig().agents("a", "b")
                .queue(QueueSpec.of("sales", PRIORITY, Rig.members("a:9", "b:1")))
                .queue(QueueSpec.of("support", PRIORITY, Rig.members("a:1"))).apply();
        rig.call("s1", "sales");
        rig.advance(1000);
        rig.call("p1", "support");
        rig.advance(1000);
        rig.call("s2", "sales");
        rig.online("a");
        assertEquals(List.of(new Ring("s1", "a", 15_000)), rig.port.take(), "sales' caller waited longest");
        rig.answer("s1", "a");
        rig.hangup("s1");
        assertEquals(List.of(new Ring("p1", "a", 15_000)), rig.port.of(Ring.class));
    }

    @Test
    void callerPriorityComesFirstAcrossQueues() {
        Rig rig = new Rig().agents("a")
                .queue(QueueSpec.of("sales", PRIORITY, Rig.members("a")))
                .queue(QueueSpec.of("support", PRIORITY, Rig.members("a"))).apply();
        rig.call("s1", "sales");
        rig.advance(1000);
        rig.call("p1", "support", 3);
        rig.online("a");
        assertEquals("a", rig.ringOnly("p1"));
    }

    @Test
    void agentBusyInOneQueueIsNotRungFromAnother() {
        Rig rig = new Rig().agents("a")
                .queue(QueueSpec.of("sales", PRIORITY, Rig.members("a")))
                .queue(QueueSpec.of("support", PRIORITY, Rig.members("a"))).apply();
        rig.online("a");
        rig.call("s1", "sales");
        rig.ringOnly("s1");
        rig.call("p1", "support");
        rig.assertNoRing();
        rig.answer("s1", "a");
        rig.assertNoRing();
        assertEquals(CallState.WAITING, rig.engine.call("p1").orElseThrow().state());
    }

    @Test
    void pauseOnACallLetsTheCallRunOnAndOffersNoNextCall() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.engine.pause("a", "meeting", rig.now);
        rig.assertAgent("a", PAUSED, ON_CALL);
        assertEquals("meeting", rig.engine.agent("a").orElseThrow().pauseReason());
        assertEquals(CallState.BRIDGED, rig.engine.call("1").orElseThrow().state());
        rig.call("2", "q");
        rig.hangup("1");
        rig.assertAgent("a", PAUSED, IDLE);
        assertEquals("meeting", rig.engine.agent("a").orElseThrow().pauseReason());
        rig.assertNoRing();
        rig.engine.unpause("a", rig.now);
        assertEquals("a", rig.ringOnly("2"));
    }

    @Test
    void pausingARingingAgentHandsTheCallToTheNext() {
        Rig rig = twoAgents(q("a:1", "b:2"));
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.engine.pause("a", "break", rig.now);
        assertEquals(new Cancel("1", "a", CancelReason.AGENT_UNAVAILABLE), rig.port.commands().get(0));
        assertEquals("b", rig.ringOnly("1"));
    }

    @Test
    void unreachableAgentIsNeverOffered() {
        Rig rig = twoAgents(q("a:1", "b:2"));
        rig.engine.setReachable("a", false, rig.now);
        rig.call("1", "q");
        assertEquals("b", rig.ringOnly("1"));
        rig.engine.setReachable("b", false, rig.now);
        assertEquals(List.of(new Cancel("1", "b", CancelReason.AGENT_UNAVAILABLE)), rig.port.take());
        assertEquals(1, rig.queueView("q").waiting());
        rig.engine.setReachable("a", true, rig.now);
        assertEquals("a", rig.ringOnly("1"));
    }

    @Test
    void forwardOnNoAnswerAgentsGetTwoRingTimeouts() {
        Rig rig = new Rig().agent(new AgentSpec("a", "A", true)).agents("b").queue(q("a:1", "b:2")).apply();
        rig.online("a", "b");
        rig.call("1", "q");
        assertEquals(List.of(new Ring("1", "a", 15_000)), rig.port.take(), "the gateway is told the phase length");
        rig.advance(15_000);
        rig.assertNoRing();
        rig.advance(15_000);
        assertEquals("b", rig.ringOnly("1"));
    }

    @Test
    void unknownQueueIsAnsweredAndEndsTheCall() {
        Rig rig = new Rig().agents("a").queue(q("a")).apply();
        rig.call("1", "nope");
        assertEquals(List.of(new Leave("1", "nope", CallOutcome.UNKNOWN_QUEUE)), rig.port.take());
    }

    @Test
    void lateAnswerIsHungUp() {
        Rig rig = twoAgents(q("a:1", "b:2"));
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.advance(15_000);
        rig.port.clear();
        rig.answer("1", "a"); // 200 OK crossed our CANCEL
        assertEquals(List.of(new Cancel("1", "a", CancelReason.ANSWERED_ELSEWHERE)), rig.port.take());
        assertEquals(AgentState.RINGING, rig.state("b"));
    }
}
