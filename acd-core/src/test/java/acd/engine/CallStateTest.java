package acd.engine;

import static acd.call.CallState.BRIDGED;
import static acd.call.CallState.ENDED;
import static acd.call.CallState.NEW;
import static acd.call.CallState.RINGING_AGENT;
import static acd.call.CallState.WAITING;
import static acd.strategy.StrategyKind.PRIORITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import acd.call.Call;
import acd.call.CallState;
import acd.event.AcdEvent;
import acd.queue.Queue;
import acd.queue.QueueSpec;
import acd.strategy.RoutingStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The call's state machine: every change through one method, with an event; the illegal ones throw. */
class CallStateTest {

    private static List<String> changes(Rig rig, String callId) {
        return rig.events.stream().filter(e -> e instanceof AcdEvent.CallStateChanged c && c.callId().equals(callId))
                .map(e -> (AcdEvent.CallStateChanged) e).map(c -> c.from() + ">" + c.to() + " " + c.reason()).toList();
    }

    @Test
    void aCallWaitsRingsWaitsAgainIsAnsweredAndEnds() {
        Rig rig = new Rig().agents("a", "b").queue("q", PRIORITY, "a:1", "b:2").apply();
        rig.call("1", "q");
        rig.online("a", "b");
        rig.advance(15_000);
        rig.answer("1", "b");
        rig.hangup("1");
        assertEquals(List.of("NEW>WAITING queued", "WAITING>RINGING_AGENT offered", "RINGING_AGENT>WAITING ring timeout",
                "WAITING>RINGING_AGENT offered", "RINGING_AGENT>BRIDGED answered", "BRIDGED>ENDED COMPLETED"), changes(rig, "1"));
        assertEquals(0, rig.engine.callCount());
    }

    @Test
    void theTimersFollowTheState() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a"))
                .withMaxWait(60_000)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.ringOnly("1");
        rig.answer("1", "a");
        rig.advance(120_000);
        assertEquals(BRIDGED, rig.engine.call("1").orElseThrow().state(), "max wait and ring timers stop at the answer");
        assertEquals(List.of(), rig.ended());
    }

    @Test
    void theTableAllowsOnlyTheFlowOfACall() {
        assertEquals(List.of(WAITING), allowedFrom(NEW));
        assertEquals(List.of(RINGING_AGENT, ENDED), allowedFrom(WAITING));
        assertEquals(List.of(WAITING, BRIDGED, ENDED), allowedFrom(RINGING_AGENT));
        assertEquals(List.of(ENDED), allowedFrom(BRIDGED));
        assertEquals(List.of(), allowedFrom(ENDED));
    }

    private static List<CallState> allowedFrom(CallState from) {
        return Arrays.stream(CallState.values()).filter(from::canGo).toList();
    }

    @Test
    void onlyTheOwnerChangesACallsStateAndIllegalTransitionsThrow() {
        Call.Owner owner = new Call.Owner() {
            @Override
            public void ringTimeout(Call call) {
            }

            @Override
            public void maxWait(Call call) {
            }
        };
        QueueSpec spec = QueueSpec.of("q", PRIORITY, List.of());
        Call call = new Call("1", new Queue(spec, RoutingStrategy.create(PRIORITY, new SplittableRandom(1))), 0, 0, 0, owner);
        Call.Owner stranger = new Call.Owner() {
            @Override
            public void ringTimeout(Call c) {
            }

            @Override
            public void maxWait(Call c) {
            }
        };
        assertThrows(IllegalStateException.class, () -> call.state(WAITING, stranger));
        assertThrows(IllegalStateException.class, () -> call.state(BRIDGED, owner), "NEW -> BRIDGED");
        call.state(WAITING, owner);
        assertThrows(IllegalStateException.class, () -> call.state(BRIDGED, owner), "WAITING -> BRIDGED");
        call.state(ENDED, owner);
        assertThrows(IllegalStateException.class, () -> call.state(WAITING, owner), "ENDED is final");
        assertFalse(ENDED.inLine());
    }

    @Test
    void aMediaTimeoutEndsABridgedCallWithItsOwnOutcomeTalkToTheLastPacketAndWrapUp() {
        Rig rig = new Rig().agents("a").queue(QueueSpec.of("q", PRIORITY, Rig.members("a")).withWrapUpMs(5_000)).apply();
        rig.online("a");
        rig.call("1", "q");
        rig.answer("1", rig.ringOnly("1"));
        rig.advance(70_000);
        rig.engine.mediaTimeout("1", 60_000, rig.now);
        AcdEvent.CallEnded ended = rig.endedOnce("1");
        assertEquals(acd.call.CallOutcome.MEDIA_TIMEOUT, ended.outcome());
        assertEquals(10_000, ended.talkMs(), "talk ends at the last packet, 60 s before the hang-up");
        rig.assertAgent("a", acd.agent.AgentStatus.AVAILABLE, acd.agent.AgentState.WRAP_UP);
    }

    @Test
    void aMediaTimeoutOfACallNotBridgedIsAPlainHangUp() {
        Rig rig = new Rig().agents("a").queue("q", PRIORITY, "a").apply();
        rig.call("1", "q");
        rig.engine.mediaTimeout("1", 60_000, rig.now);
        rig.assertOutcome("1", acd.call.CallOutcome.ABANDONED);
    }
}
