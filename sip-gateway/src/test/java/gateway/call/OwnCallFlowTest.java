package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.call.CallState;
import acd.engine.CallView;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * An agent who calls in from their own phone (as a caller, here into another queue) is busy for
 * routing while that call lasts: a queue call waits instead of ringing them, and rings them as
 * soon as their own call ends.
 */
class OwnCallFlowTest {
    private static final Duration WAIT = CallRig.WAIT;

    @Test
    void anAgentDiallingInIsNotRungUntilTheirOwnCallEnds() throws Exception {
        try (CallRig rig = CallRig.builder()
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))))
                .queue(QueueSpec.of("support", StrategyKind.PRIORITY, List.of(new MemberSpec("bob", 1))))
                .number("5000", Destination.queue("sales"))
                .number("6000", Destination.queue("support"))
                .agent("alice", "1001").agent("bob", "1002").start()) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");

            // alice calls support from her own phone and waits there
            Caller own = PhoneCalls.dial(alice, rig.rtp("127.0.0.1"), "6000", WAIT, 0, 101);
            AcdEvent.AgentOwnCallChanged busy = rig.awaitEvent(AcdEvent.AgentOwnCallChanged.class,
                    e -> e.agentId().equals("alice"));
            assertEquals(own.call().callId(), busy.callId());
            assertTrue(busy.onOwnCall());
            rig.awaitAgent("alice", AgentIs.ON_OWN_CALL);

            // a caller for sales, where alice is the only member: queued, not ringing her
            Caller customer = PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000",
                    WAIT, 0, 101);
            rig.awaitEvent(AcdEvent.CallQueued.class, e -> e.callId().equals(customer.call().callId()));
            // the core routes in the command that queued the call: a later query sees its decision
            CallView waiting = rig.gateway.acd().call(customer.call().callId()).get(10, TimeUnit.SECONDS).orElseThrow();
            assertEquals(CallState.WAITING, waiting.state(), "alice is busy on her own call: " + waiting);
            assertTrue(alice.pendingRequests("INVITE").isEmpty(), "alice's phone was not rung");

            // her own call ends: now she is rung for the waiting caller
            assertEquals(Response.OK, own.call().bye().awaitFinal(WAIT).getStatusCode());
            RtpPeer agentRtp = PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            customer.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertEquals("alice", rig.awaitEvent(AcdEvent.CallAnswered.class,
                    e -> e.callId().equals(customer.call().callId())).agentId());

            assertEquals(Response.OK, customer.call().bye().awaitFinal(WAIT).getStatusCode());
            alice.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class,
                    e -> e.callId().equals(customer.call().callId())).outcome());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
        }
    }
}
