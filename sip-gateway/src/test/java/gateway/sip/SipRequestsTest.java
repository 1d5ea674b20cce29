package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.AllowHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.header.UnsupportedHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OPTIONS, 501, INVITE admission (trunk, agent, stranger), CANCEL, 415 and 420 over UDP and TCP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipRequestsTest {
    private static final String TRUNK_HOST = "127.0.0.2";
    private final ScriptedInviteHandler handler = new ScriptedInviteHandler();
    private SipServerFixture gw;

    @BeforeAll
    void start() throws Exception {
        gw = SipServerFixture.standard(handler);
        handler.host = gw.server.host();
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private TestPhone trunk(String transport) throws Exception {
        return TestPhone.builder("carrier").server(gw.port()).transport(transport).localAddress(TRUNK_HOST)
                .domain(SipServerFixture.REALM).start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void optionsIsAnswered200WithAllowAndAccept(String transport) throws Exception {
        try (TestPhone phone = gw.phone("anyone", null, transport).start()) {
            Response ok = phone.options();
            assertEquals(200, ok.getStatusCode());
            assertEquals(SipRequestRouter.ALLOW, allowed(ok));
            assertTrue(allowed(ok).containsAll(List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE")));
            assertSupportsTimer(ok);
            assertNotNull(ok.getHeader("Accept"));
        }
    }

    /** The methods in every Allow header of {@code r}, in order. */
    static List<String> allowed(Response r) {
        List<String> methods = new ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(AllowHeader.NAME); it.hasNext(); ) {
            for (String m : ((AllowHeader) it.next()).getMethod().split(",")) {
                methods.add(m.trim());
            }
        }
        return methods;
    }

    /** {@code Supported: timer}: session timers are our one option tag (no 100rel, replaces). */
    static void assertSupportsTimer(Response r) {
        SupportedHeader supported = (SupportedHeader) r.getHeader(SupportedHeader.NAME);
        assertNotNull(supported, "Supported header");
        assertEquals("timer", supported.getOptionTag(), "Supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void unknownMethodIsAnswered501WithAllow(String transport) throws Exception {
        try (TestPhone phone = gw.phone("anyone", null, transport).start()) {
            Response r = phone.request("MESSAGE", "someone").awaitFinal();
            assertEquals(501, r.getStatusCode());
            assertNotNull(r.getHeader(AllowHeader.NAME));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void trunkInviteIsAdmittedWithoutAuth(String transport) throws Exception {
        try (TestPhone carrier = trunk(transport)) {
            assertEquals(486, carrier.invite("busy", ScriptedInviteHandler.SDP).awaitFinal().getStatusCode());
            AdmittedInvite invite = handler.awaitAdmitted();
            assertEquals(Caller.trunk("carrier"), invite.caller());
            assertEquals("busy", invite.dialed());
            assertEquals(TRUNK_HOST, invite.source().ip().getHostAddress());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void strangerInviteIsChallengedThenForbidden(String transport) throws Exception {
        try (TestPhone stranger = gw.phone("stranger", null, transport).start()) {
            assertEquals(401, stranger.invite("busy", ScriptedInviteHandler.SDP).awaitFinal().getStatusCode());
        }
        try (TestPhone guesser = gw.phone("1200", "guess", transport).start()) {
            assertEquals(403, guesser.invite("busy", ScriptedInviteHandler.SDP).awaitFinal().getStatusCode());
        }
        assertTrue(handler.admitted.isEmpty(), "nothing reached the call logic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void agentInviteIsAdmittedWithDigestAndTheCallEndsWithBye(String transport) throws Exception {
        String user = "TCP".equals(transport) ? "1211" : "1210";
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            Outgoing call = phone.invite("answer", ScriptedInviteHandler.SDP);
            Response ok = call.awaitFinal();
            assertEquals(200, ok.getStatusCode());
            assertEquals(Caller.agent("agent" + user), handler.awaitAdmitted().caller());
            call.ack();
            assertEquals(Request.ACK, handler.awaitInDialog());
            assertEquals(200, call.bye().awaitFinal().getStatusCode());
            assertEquals(Request.BYE, handler.awaitInDialog());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void cancelWhileRingingIsAnswered200And487(String transport) throws Exception {
        try (TestPhone carrier = trunk(transport)) {
            Outgoing call = carrier.invite("+15550100000", ScriptedInviteHandler.SDP);
            call.awaitResponse(180);
            handler.awaitAdmitted();
            assertEquals(200, call.cancel().awaitFinal().getStatusCode());
            assertEquals(487, call.awaitFinal().getStatusCode());
            assertNotNull(handler.cancelled.poll(10, java.util.concurrent.TimeUnit.SECONDS), "handler told");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void inviteWithANonSdpBodyIsAnswered415(String transport) throws Exception {
        try (TestPhone carrier = trunk(transport)) {
            Request invite = carrier.invite("busy", null).request();
            Request plain = carrier.newRequest(Request.INVITE, (javax.sip.address.SipURI) invite.getRequestURI(),
                    "busy", "plain-" + System.nanoTime(), 1, null);
            plain.setContent("hello", gw.server.host().headerFactory().createContentTypeHeader("text", "plain"));
            Response r = carrier.send(plain).awaitFinal();
            assertEquals(415, r.getStatusCode());
            assertNotNull(r.getHeader("Accept"));
            handler.awaitAdmitted(); // the first INVITE only
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void unknownRequiredExtensionIsAnswered420ButTimerIsAdmitted(String transport) throws Exception {
        try (TestPhone carrier = trunk(transport)) {
            Response r = inviteRequiring(carrier, transport, "nothingweknow");
            assertEquals(420, r.getStatusCode());
            assertEquals("nothingweknow", ((UnsupportedHeader) r.getHeader(UnsupportedHeader.NAME)).getOptionTag());
            assertEquals(Response.BUSY_HERE, inviteRequiring(carrier, transport, "timer").getStatusCode(), "admitted");
            handler.awaitAdmitted();
        }
    }

    /** An INVITE to "busy" with {@code Require: <tag>}; its final response. */
    private Response inviteRequiring(TestPhone carrier, String transport, String tag) throws Exception {
        Request invite = carrier.newRequest(Request.INVITE, gwUri(carrier, transport), "busy",
                "require-" + System.nanoTime(), 1, ScriptedInviteHandler.SDP);
        invite.addHeader(gw.server.host().headerFactory().createRequireHeader(tag));
        return carrier.send(invite).awaitFinal();
    }

    private javax.sip.address.SipURI gwUri(TestPhone phone, String transport) throws Exception {
        javax.sip.address.SipURI uri = gw.server.host().addressFactory().createSipURI("busy", "127.0.0.1");
        uri.setPort(gw.port());
        if ("TCP".equals(transport)) {
            uri.setTransportParam("tcp");
        }
        return uri;
    }
}
