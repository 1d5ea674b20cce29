package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Forward;
import config.model.OfferMode;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.leg.AgentRoute;
import gateway.leg.OutgoingLeg;
import gateway.sip.auth.ClientCredentials;
import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestVerdict;
import gateway.testphone.CarrierAuth;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import gateway.trunk.TrunkRoute;
import ivr.menu.Destination;
import ivr.testkit.ExpectedLog;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls out through a trunk whose carrier (a test phone on the trunk address) challenges every
 * INVITE, as carriers do: the ACD answers 401 and 407 with the trunk's credentials, MD5 or
 * SHA-256, retries once on a stale nonce, and gives up cleanly on a wrong password.
 */
class TrunkAuthTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String USER = "acd-trunk";
    private static final String PASSWORD = "carrier-secret";
    private static final String REALM = "carrier.test";

    private static TestPhone carrier(String number, String transport) throws Exception {
        return TestPhone.builder(number).localAddress(CallRig.TRUNK_ADDRESS).domain(CallRig.DOMAIN).transport(transport)
                .server(9).start();
    }

    private static TrunkRoute trunk(TestPhone carrier, String password) {
        return trunk(carrier, password, OfferMode.EARLY);
    }

    private static TrunkRoute trunk(TestPhone carrier, String password, OfferMode offer) {
        return new TrunkRoute("carrier", new InetSocketAddress(CallRig.TRUNK_ADDRESS, carrier.port()), carrier.transport(),
                new ClientCredentials(USER, password), offer);
    }

    private static Caller dial(CallRig rig, String number) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), number, WAIT, 0, 101);
    }

    /** The carrier challenges the INVITE and checks the re-sent one: same Call-ID and From tag, CSeq one up, valid credentials. */
    private static Incoming challengeThenAccept(TestPhone carrier, CarrierAuth auth, int status) {
        return challengeThenAccept(carrier, auth, carrier.awaitRequest(Request.INVITE, WAIT), status);
    }

    private static Incoming challengeThenAccept(TestPhone carrier, CarrierAuth auth, Incoming first, int status) {
        auth.challenge(first, status, false);
        Incoming second = carrier.awaitRequest(Request.INVITE, WAIT);
        assertResent(first.request(), second.request());
        assertEquals(DigestVerdict.OK, auth.verify(second.request()));
        return second;
    }

    private static void assertResent(Request first, Request second) {
        assertEquals(((CallIdHeader) first.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CallIdHeader) second.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals(((FromHeader) first.getHeader(FromHeader.NAME)).getTag(),
                ((FromHeader) second.getHeader(FromHeader.NAME)).getTag());
        assertEquals(((CSeqHeader) first.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1,
                ((CSeqHeader) second.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    /** The answered leg is bridged: each side hears the other. */
    private static void assertBridged(CallRig rig, Caller caller, Incoming invite) throws Exception {
        RtpPeer far = PhoneCalls.answer(invite, rig.rtp(CallRig.TRUNK_ADDRESS), 0);
        far.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
    }

    @ParameterizedTest
    @CsvSource({"407, MD5, UDP", "401, SHA_256, TCP", "407, SHA_256, TCP", "401, MD5, UDP"})
    void transferThroughAChallengingTrunkIsBridged(int status, DigestAlgorithm algorithm, String transport) throws Exception {
        TestPhone carrier = carrier("+15559999", transport);
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, algorithm);
        try (carrier; CallRig rig = CallRig.builder().number("5000", Destination.transfer("+15559999"))
                .transferTrunk(trunk(carrier, PASSWORD)).start()) {
            Caller caller = dial(rig, "5000");
            Incoming invite = challengeThenAccept(carrier, auth, status);
            assertBridged(rig, caller, invite);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            carrier.awaitRequest(Request.BYE, WAIT);
        }
    }

    /** The carrier refuses the transfer with {@code refuse}: the leg fails and the caller is hung up, as for any failed transfer. */
    private static void transferRefused(TrunkRoute trunk, TestPhone carrier, Consumer<Incoming> refuse) throws Exception {
        try (CallRig rig = CallRig.builder().number("5000", Destination.transfer("+15559999")).transferTrunk(trunk).start()) {
            Caller caller = dial(rig, "5000");
            refuse.accept(carrier.awaitRequest(Request.INVITE, WAIT));
            caller.phone().awaitRequest(Request.BYE, WAIT);
            assertTrue(carrier.pendingRequests(Request.INVITE).isEmpty(), "not sent again");
        }
    }

    @Test
    void a403FromTheCarrierFailsTheTransfer() throws Exception {
        try (TestPhone carrier = carrier("+15559999", "UDP")) {
            transferRefused(trunk(carrier, PASSWORD), carrier, invite -> invite.respond(Response.FORBIDDEN));
        }
    }

    @Test
    void aChallengeToATrunkWithoutCredentialsFailsTheTransfer() throws Exception {
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, DigestAlgorithm.MD5);
        try (TestPhone carrier = carrier("+15559999", "TCP")) {
            transferRefused(new TrunkRoute("carrier", new InetSocketAddress(CallRig.TRUNK_ADDRESS, carrier.port()), "TCP", null,
                            OfferMode.EARLY),
                    carrier, invite -> auth.challenge(invite, Response.UNAUTHORIZED, false));
        }
    }

    /** Sales at 5000, its members rung in the order given; a failed ring pauses the agent. */
    private static CallRig.Builder salesAt5000(String... members) {
        List<MemberSpec> list = IntStream.range(0, members.length).mapToObj(i -> new MemberSpec(members[i], i + 1)).toList();
        return CallRig.builder().queue(QueueSpec.of("sales", StrategyKind.PRIORITY, list).withRingTimeoutMs(5_000)
                .withAutoPauseAfter(1)).number("5000", Destination.queue("sales"));
    }

    private static AgentRoute device(String agentId, String number, TrunkRoute trunk) {
        return new AgentRoute(agentId, "1003", number, Forward.ALWAYS, trunk);
    }

    @ParameterizedTest
    @CsvSource({"407, SHA_256, UDP", "401, MD5, TCP"})
    void personalDeviceThroughAChallengingTrunkIsBridged(int status, DigestAlgorithm algorithm, String transport)
            throws Exception {
        TestPhone carrier = carrier("+15550100003", transport);
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, algorithm);
        try (carrier; CallRig rig = salesAt5000("carol").agent(device("carol", "+15550100003", trunk(carrier, PASSWORD)))
                .start()) {
            rig.awaitAgent("carol", AgentIs.AVAILABLE);
            Caller caller = dial(rig, "5000");
            assertBridged(rig, caller, challengeThenAccept(carrier, auth, status));
            assertEquals("carol", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());
        }
    }

    @Test
    void aStaleNonceIsAnsweredOnceMore() throws Exception {
        TestPhone carrier = carrier("+15559999", "UDP");
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, DigestAlgorithm.SHA_256);
        try (carrier; CallRig rig = CallRig.builder().number("5000", Destination.transfer("+15559999"))
                .transferTrunk(trunk(carrier, PASSWORD)).start()) {
            Caller caller = dial(rig, "5000");
            Incoming first = carrier.awaitRequest(Request.INVITE, WAIT);
            auth.challenge(first, Response.PROXY_AUTHENTICATION_REQUIRED, false);
            Incoming second = carrier.awaitRequest(Request.INVITE, WAIT);
            auth.challenge(second, Response.PROXY_AUTHENTICATION_REQUIRED, true);
            Incoming third = carrier.awaitRequest(Request.INVITE, WAIT);
            assertResent(second.request(), third.request());
            assertEquals(DigestVerdict.OK, auth.verify(third.request()));
            assertBridged(rig, caller, third);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            carrier.awaitRequest(Request.BYE, WAIT);
            rig.awaitNothingLeaked(); // the two challenged INVITEs leave no dialog behind
        }
    }

    @Test
    void aWrongPasswordFailsTheDeviceLegAndTheNextAgentTakesTheCall() throws Exception {
        TestPhone carrier = carrier("+15550100003", "UDP");
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, DigestAlgorithm.MD5);
        try (ExpectedLog legs = ExpectedLog.of(OutgoingLeg.class); carrier;
             CallRig rig = salesAt5000("carol", "alice").agent(device("carol", "+15550100003", trunk(carrier, "wrong")))
                     .agent("alice", "1001").start()) {
            rig.awaitAgent("carol", AgentIs.AVAILABLE);
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig, "5000");
            Incoming first = carrier.awaitRequest(Request.INVITE, WAIT);
            auth.challenge(first, Response.PROXY_AUTHENTICATION_REQUIRED, false);
            Incoming second = carrier.awaitRequest(Request.INVITE, WAIT);
            assertEquals(DigestVerdict.WRONG_RESPONSE, auth.verify(second.request()));
            auth.challenge(second, Response.PROXY_AUTHENTICATION_REQUIRED, false);
            RtpPeer agent = PhoneCalls.answer(alice.awaitRequest(Request.INVITE, WAIT), rig.rtp("127.0.0.1"), 0);
            agent.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertTrue(carrier.pendingRequests(Request.INVITE).isEmpty(), "no third INVITE after the refusal");
            assertEquals(List.of(), legs.warnings());
        }
    }

    @Test
    void cancellingARingAfterTheChallengeCancelsTheResentInvite() throws Exception {
        TestPhone carrier = carrier("+15550100003", "UDP");
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, DigestAlgorithm.MD5);
        try (carrier; CallRig rig = salesAt5000("carol").agent(device("carol", "+15550100003", trunk(carrier, PASSWORD)))
                .start()) {
            rig.awaitAgent("carol", AgentIs.AVAILABLE);
            Caller caller = dial(rig, "5000");
            Incoming live = challengeThenAccept(carrier, auth, Response.PROXY_AUTHENTICATION_REQUIRED);
            live.ringing();
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            Incoming cancel = carrier.awaitRequest(Request.CANCEL, WAIT);
            assertEquals(((CSeqHeader) live.request().getHeader(CSeqHeader.NAME)).getSeqNumber(),
                    ((CSeqHeader) cancel.request().getHeader(CSeqHeader.NAME)).getSeqNumber());
            assertTrue(live.cancelled(), "the CANCEL matched the re-sent INVITE");
            assertNotEquals(0, live.finalStatus());
        }
    }

    @Test
    void aDelayedOfferWithSessionTimersGoesAgainAsItWasAfterAChallengeAndThenA422() throws Exception {
        TestPhone carrier = carrier("+15559999", "UDP");
        CarrierAuth auth = new CarrierAuth(REALM, PASSWORD, DigestAlgorithm.MD5);
        try (carrier; CallRig rig = CallRig.builder().number("5000", Destination.transfer("+15559999"))
                .transferTrunk(trunk(carrier, PASSWORD, OfferMode.DELAYED)).start()) {
            Caller caller = dial(rig, "5000");
            Incoming first = carrier.awaitRequest(Request.INVITE, WAIT);
            assertEquals("", first.body(), "a delayed offer: no SDP");
            assertEquals("1800", first.header("Session-Expires"));
            Incoming second = challengeThenAccept(carrier, auth, first, Response.PROXY_AUTHENTICATION_REQUIRED);
            assertEquals("", second.body(), "still no SDP after the challenge");
            assertEquals(first.header("Session-Expires"), second.header("Session-Expires"));
            assertEquals(first.header("Min-SE"), second.header("Min-SE"));
            assertEquals(first.header("Supported"), second.header("Supported"));
            second.respond(422, null, "Min-SE: 3600");
            Incoming third = carrier.awaitRequest(Request.INVITE, WAIT);
            assertResent(second.request(), third.request());
            assertEquals(DigestVerdict.OK, auth.verify(third.request()), "credentials again after the 422");
            assertEquals("", third.body(), "still no SDP after the 422");
            assertEquals("3600", third.header("Session-Expires"));
            assertEquals("3600", third.header("Min-SE"));
            RtpPeer far = rig.rtp(CallRig.TRUNK_ADDRESS);
            third.answer(far.sdp(0, 101));
            Incoming ack = carrier.awaitRequest(Request.ACK, WAIT);
            assertTrue(ack.body().contains("RTP/AVP 0 101"), "our answer in the ACK: " + ack.body());
            far.sendTo(ack.body(), 0, PhoneCalls.AGENT_AUDIO);
            far.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            carrier.awaitRequest(Request.BYE, WAIT);
        }
    }
}
