package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Push;
import config.model.Secret;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.push.PushGateway;
import gateway.sip.registrar.Binding;
import gateway.testkit.PushEndpoint;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import ivr.testkit.ExpectedLog;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Push wake-up (RFC 8599) over real SIP and HTTP on loopback: a phone registered with pn-* Contact
 * parameters sleeps (is not rung) until the server has asked a local HTTP endpoint, standing in
 * for the push gateway, to wake it and it has registered again. Alice (1001) is the sales queue's
 * first choice, Bob (1002) its second.
 */
class PushWakeTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String TOKEN = "gw-token-7f3a";
    private static final String PN = ";pn-provider=acme;pn-param=ABCD.com.example.app;pn-prid=dev%3Atok-42";

    private static CallRig rig(PushEndpoint endpoint, long ringTimeoutMs) throws Exception {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY,
                List.of(new MemberSpec("alice", 1), new MemberSpec("bob", 2))).withRingTimeoutMs(ringTimeoutMs);
        CallRig rig = CallRig.builder().queue(sales).number("5000", Destination.queue("sales"))
                .agent("alice", "1001").agent("bob", "1002").start();
        rig.gateway.push().configure(new Push(endpoint.url(), new Secret(TOKEN)));
        return rig;
    }

    /** A phone of {@code extension} that has not registered yet. */
    private static TestPhone phone(CallRig rig, String extension) throws Exception {
        return phone(rig, extension, "UDP");
    }

    private static TestPhone phone(CallRig rig, String extension, String transport) throws Exception {
        return TestPhone.builder(extension).password(CallRig.password(extension)).domain(CallRig.DOMAIN)
                .transport(transport).server(rig.sipPort()).start();
    }

    /**
     * Registers {@code phone} as a mobile app does: its Contact carries where it is woken, and the
     * 200 says the server wakes it through that service (RFC 8599 Feature-Caps).
     */
    private static void registerForPush(TestPhone phone) {
        Response ok = phone.registerContact(phone.contactUri() + PN, 300);
        assertEquals(Response.OK, ok.getStatusCode());
        assertEquals("Feature-Caps: *;+sip.pns=\"acme\"", ok.getHeader("Feature-Caps").toString().strip());
    }

    private static Caller dial(CallRig rig) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aSleepingPhoneIsWokenByPushRegistersAgainAndAnswers(String transport) throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint(); CallRig rig = rig(endpoint, 8_000)) {
            try (TestPhone asleep = phone(rig, "1001", transport)) {
                registerForPush(asleep);
            } // the app is suspended: nothing listens at its Contact any more
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = dial(rig);
            PushEndpoint.Post post = endpoint.awaitPost(WAIT);
            assertEquals("Bearer " + TOKEN, post.authorization());
            assertEquals("application/json", post.contentType());
            assertEquals("acme", post.field("provider"));
            assertEquals("ABCD.com.example.app", post.field("param"));
            assertEquals("dev:tok-42", post.field("prid"), "unescaped from the Contact");
            assertEquals("+15550001", post.field("caller"));
            assertEquals("sales", post.field("queue"));
            assertEquals("alice", post.field("agent"));
            assertFalse(post.field("callId").isEmpty());

            // the push woke the app, which registers from a new port with the same device token
            try (TestPhone woken = phone(rig, "1001", transport)) {
                answerWoken(rig, caller, woken);
            }
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            assertEquals(0, endpoint.pending(), "one push per ring");
        }
    }

    /** The woken app registers, is rung (its old Contact gone), answers, talks both ways, and the caller hangs up. */
    private static void answerWoken(CallRig rig, Caller caller, TestPhone woken) throws Exception {
        registerForPush(woken);
        Incoming invite = woken.awaitRequest("INVITE", WAIT);
        List<Binding> bindings = rig.gateway.sip().locator().contactsOf("alice");
        assertEquals(1, bindings.size(), "the suspended app's Contact was replaced: " + bindings);
        RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
        agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        PhoneCalls.hangUp(caller, woken);
    }

    @Test
    void aPhoneNotWokenWithinTheRingTimeoutIsNoAnswerAndTheNextAgentIsRung() throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint(); CallRig rig = rig(endpoint, 1_500);
             TestPhone asleep = phone(rig, "1001")) {
            registerForPush(asleep);
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = dial(rig);
            endpoint.awaitPost(WAIT); // and the app never wakes
            AcdEvent.RingNoAnswer missed = rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> e.agentId().equals("alice"));
            assertEquals(RingEnd.TIMEOUT, missed.reason());
            RtpPeer bobRtp = PhoneCalls.answer(bob.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0);
            bobRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT); // bridged: hanging up now completes the call
            assertTrue(asleep.pendingRequests("INVITE").isEmpty(), "a sleeping phone is never rung");
            PhoneCalls.hangUp(caller, bob);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @Test
    void aDeskPhoneRingsAtOnceAndThePushPhoneJoinsOnceWoken() throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint(); CallRig rig = rig(endpoint, 8_000);
             TestPhone mobile = phone(rig, "1001")) {
            registerForPush(mobile);
            TestPhone desk = rig.onlineAgent("alice", "1001", "UDP");

            Caller caller = dial(rig);
            Incoming deskInvite = desk.awaitRequest("INVITE", WAIT); // before the app has woken
            deskInvite.ringing();
            endpoint.awaitPost(WAIT);
            assertTrue(mobile.pendingRequests("INVITE").isEmpty(), "the app is rung only once it registered again");

            registerForPush(mobile);
            Incoming mobileInvite = mobile.awaitRequest("INVITE", WAIT);
            PhoneCalls.answer(mobileInvite, rig.rtp("127.0.0.1"), 0);
            desk.awaitRequest("CANCEL", WAIT); // the desk phone stops ringing
            PhoneCalls.hangUp(caller, mobile);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @Test
    void withoutAPushGatewayAPushContactIsAPlainOneRungAtOnce() throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint(); CallRig rig = rig(endpoint, 8_000);
             TestPhone mobile = phone(rig, "1001")) {
            rig.gateway.push().configure(null);
            Response ok = mobile.registerContact(mobile.contactUri() + PN, 300);
            assertEquals(Response.OK, ok.getStatusCode());
            assertNull(ok.getHeader("Feature-Caps"), "no promise to wake it");
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = dial(rig);
            PhoneCalls.answer(mobile.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0);
            PhoneCalls.hangUp(caller, mobile);
            rig.awaitEvent(AcdEvent.CallEnded.class, e -> true);
            assertEquals(0, endpoint.pending());
        }
    }

    @Test
    void aPushGatewayThatFailsEndsThePushPhonesRingAtOnceAndSaysSoOnce() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(PushGateway.class);
             PushEndpoint endpoint = new PushEndpoint().answerWith(503); CallRig rig = rig(endpoint, 60_000);
             TestPhone asleep = phone(rig, "1001")) {
            registerForPush(asleep);
            TestPhone bob = rig.onlineAgent("bob", "1002", "UDP");
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            for (int call = 0; call < 2; call++) {
                Caller caller = dial(rig);
                endpoint.awaitPost(WAIT);
                AcdEvent.RingNoAnswer failed = rig.awaitEvent(AcdEvent.RingNoAnswer.class,
                        e -> e.agentId().equals("alice"));
                assertEquals(RingEnd.FAILED, failed.reason(), "480 long before the minute's ring timeout");
                PhoneCalls.answer(bob.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0);
                PhoneCalls.hangUp(caller, bob);
                rig.awaitEvent(AcdEvent.CallEnded.class, e -> true);
                rig.awaitAgent("alice", AgentIs.AVAILABLE);
                rig.awaitAgent("bob", AgentIs.AVAILABLE);
            }
            assertEquals(1, log.warnings().size(), "one problem, one line: " + log.warnings());
            assertTrue(log.warned("answered 503"), log.warnings().toString());
            assertFalse(log.lines().stream().anyMatch(l -> l.contains(TOKEN) || l.contains("tok-42")),
                    "neither the token nor the device's prid is logged");
            assertNotEquals(0, endpoint.url().getPort());
        }
    }
}
