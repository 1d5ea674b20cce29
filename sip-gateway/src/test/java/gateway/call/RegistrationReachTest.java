package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.sip.registrar.Binding;
import gateway.sip.stack.NatRouter;
import gateway.testkit.Await;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sip.TransactionState;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where an agent's INVITE goes, by how the phone registered, over UDP and TCP on loopback: a
 * third party's REGISTER rings the Contact it names, a phone behind NAT is rung at the address
 * (over TCP, on the connection) its REGISTER came from, and a Path is followed. No packet goes to
 * the private address a NATed phone claims.
 */
class RegistrationReachTest {
    private static final Duration WAIT = CallRig.WAIT;
    static final String PRIVATE = "192.168.1.20";

    private static CallRig rig() throws Exception {
        return rig(CallRig.builder());
    }

    /** A queue with alice (extension 1001) as its only member, reached at 5000. */
    static CallRig rig(CallRig.Builder builder) throws Exception {
        return builder
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))))
                .number("5000", Destination.queue("sales"))
                .agent("alice", "1001")
                .start();
    }

    /** A phone of agent 1001 that has not registered itself. */
    static TestPhone phone(CallRig rig, String transport) throws Exception {
        return TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                .transport(transport).server(rig.sipPort()).start();
    }

    static Caller dial(CallRig rig) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aThirdPartyRegistrationRingsTheContactItNames(String transport) throws Exception {
        try (CallRig rig = rig();
             TestPhone provisioner = phone(rig, transport);
             TestPhone desk = phone(rig, transport)) {
            assertEquals(200, provisioner.registerContact(desk.contactUri(), 300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            Binding b = rig.gateway.sip().locator().contactsOf("alice").get(0);
            assertEquals(desk.contactUri(), b.reachUri(), "not behind NAT: the Contact itself");

            Caller caller = dial(rig);
            RtpPeer agentRtp = PhoneCalls.answer(desk.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertTrue(provisioner.pendingRequests("INVITE").isEmpty(), "the provisioning tool is not rung");
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            desk.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aPhoneBehindNatIsRungWhereItsRegisterCameFrom(String transport) throws Exception {
        try (CallRig rig = rig(); TestPhone natted = phone(rig, transport)) {
            natted.advertise(PRIVATE, 5099); // Via and Contact: the address behind the NAT
            assertEquals(200, natted.register(300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            Binding b = rig.gateway.sip().locator().contactsOf("alice").get(0);
            if ("TCP".equals(transport)) {
                assertNotEquals(natted.port(), b.source().getPort(), "the connection's port, where nothing listens");
            }

            Caller caller = dial(rig);
            Incoming invite = natted.awaitRequest("INVITE", WAIT);
            SipURI target = (SipURI) invite.request().getRequestURI();
            assertEquals("127.0.0.1", target.getHost());
            assertEquals(b.source().getPort(), target.getPort());
            assertEquals(transport.toLowerCase(Locale.ROOT), target.getTransportParam());
            hangUpWhileRinging(rig, caller, natted, invite);
        }
    }

    /**
     * The phone's 200 carries its private Contact, the dialog's remote target: the ACK, and the BYE
     * when the caller hangs up, still go where the INVITE went (over TCP, on the phone's connection).
     */
    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aPhoneBehindNatGetsTheAckAndByeOfItsAnsweredCall(String transport) throws Exception {
        try (CallRig rig = rig(); TestPhone natted = phone(rig, transport)) {
            natted.advertise(PRIVATE, 5099);
            assertEquals(200, natted.register(300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = dial(rig);
            Incoming invite = natted.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
            Incoming ack = natted.awaitRequest("ACK", WAIT);
            assertEquals(natted.contactUri(), ack.request().getRequestURI().toString(), "the remote target");
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);

            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            natted.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
            NatRouter router = rig.gateway.sip().host().router();
            Await.until(() -> router.pinned() == 0, WAIT, () -> router.pinned() + " Call-IDs still pinned");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void aPathIsFollowedAsAPreloadedRoute(String transport) throws Exception {
        try (CallRig rig = rig(); TestPhone proxy = phone(rig, transport)) {
            String hop = "<sip:127.0.0.1:" + proxy.port() + ("TCP".equals(transport) ? ";transport=tcp" : "") + ";lr>";
            String phoneBehindProxy = "sip:1001@" + PRIVATE + ":5099";
            Response ok = proxy.registerContact(phoneBehindProxy, 300, "Path: " + hop, "Supported: path");
            assertEquals(200, ok.getStatusCode());
            assertTrue(ok.getHeader("Path").toString().contains(hop), "the Path comes back: " + ok);
            assertTrue(ok.getHeader("Supported").toString().contains("path"), "Supported: path in " + ok);
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = dial(rig);
            Incoming invite = proxy.awaitRequest("INVITE", WAIT);
            assertEquals(phoneBehindProxy, invite.request().getRequestURI().toString(), "the Contact, untouched");
            RouteHeader route = (RouteHeader) invite.request().getHeader(RouteHeader.NAME);
            assertEquals(hop, route.getAddress().toString());
            hangUpWhileRinging(rig, caller, proxy, invite);
        }
    }

    /**
     * The caller hangs up: the CANCEL and the ACK of the 487 follow the INVITE's way. The phone
     * stays up until that ACK came, or the stack, finding its connection gone, would try the
     * address in the phone's Via (the private one) as a last resort.
     */
    static void hangUpWhileRinging(CallRig rig, Caller caller, TestPhone rung, Incoming invite) throws Exception {
        assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        rung.awaitRequest("CANCEL", WAIT);
        Await.until(() -> invite.transaction().getState() == TransactionState.CONFIRMED
                || invite.transaction().getState() == TransactionState.TERMINATED, WAIT,
                () -> "the 487 unacknowledged: " + invite.transaction().getState());
        assertEquals(CallOutcome.ABANDONED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
    }
}
