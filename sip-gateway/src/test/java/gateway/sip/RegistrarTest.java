package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestChallenge;
import gateway.sip.registrar.Binding;
import gateway.sip.stack.SipStackHost;
import gateway.testphone.TestPhone;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REGISTER over real UDP and TCP on 127.0.0.1: auth, expiry, several contacts, NAT. One server
 * for the class; each test uses its own extensions (base number, +1 over TCP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrarTest {
    private SipServerFixture gw;

    @BeforeAll
    void start() throws Exception {
        gw = SipServerFixture.standard(invite -> { });
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private static String ext(int base, String transport) {
        return Integer.toString("TCP".equals(transport) ? base + 1 : base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void registersWithSha256AndMd5ThenUnregisters(String transport) throws Exception {
        String user = ext(1010, transport);
        for (DigestAlgorithm alg : DigestAlgorithm.values()) {
            try (TestPhone phone = gw.agentPhone(user, transport).start()) {
                phone.digest().prefer(alg);
                assertEquals(200, phone.register(600).getStatusCode());
                assertEquals(alg, phone.digest().current().orElseThrow().algorithm());
                List<Binding> bindings = gw.server.locator().contactsOf("agent" + user);
                assertEquals(1, bindings.size());
                assertEquals(transport, bindings.get(0).transport());
                assertEquals(phone.contactUri(), bindings.get(0).contact());
                assertTrue(gw.awaitReachability("agent" + user));
                assertEquals(200, phone.unregister().getStatusCode());
                assertFalse(gw.awaitReachability("agent" + user));
                assertTrue(gw.server.locator().contactsOf("agent" + user).isEmpty());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void challengeOffersMd5ThenSha256WithTheRealm(String transport) throws Exception {
        try (TestPhone phone = gw.agentPhone(ext(1020, transport), transport).start()) {
            Response challenge = phone.sendRegister(600).awaitResponse(401);
            List<DigestChallenge> offered = DigestChallenge.of(challenge);
            assertEquals(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256),
                    offered.stream().map(DigestChallenge::algorithm).toList());
            assertFalse(offered.get(0).stale());
            assertEquals(SipServerFixture.REALM, offered.get(0).realm());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void wrongPasswordAndUnknownUserAreForbidden(String transport) throws Exception {
        String user = ext(1030, transport);
        try (TestPhone phone = gw.phone(user, "wrong", transport).start()) {
            assertEquals(403, phone.register(600).getStatusCode());
            assertTrue(gw.server.locator().contactsOf("agent" + user).isEmpty());
        }
        try (TestPhone stranger = gw.phone("stranger", "whatever", transport).start()) {
            assertEquals(403, stranger.register(600).getStatusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anAgentCannotRegisterAnotherAgentsExtension(String transport) throws Exception {
        String victim = ext(1130, transport);
        String intruder = ext(1140, transport);
        try (TestPhone phone = gw.phone(victim, SipServerFixture.password(intruder), transport).authUser(intruder).start()) {
            assertEquals(403, phone.register(600).getStatusCode());
            assertTrue(gw.server.locator().contactsOf("agent" + victim).isEmpty());
            assertTrue(gw.server.locator().contactsOf("agent" + intruder).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void staleNonceIsChallengedWithStaleTrue(String transport) throws Exception {
        try (TestPhone phone = gw.agentPhone(ext(1040, transport), transport).start()) {
            assertEquals(200, phone.register(600).getStatusCode());
            gw.clockOffsetMs.addAndGet(6 * 60_000); // past the five-minute nonce lifetime
            Response stale = phone.sendRegister(600).awaitResponse(401);
            assertTrue(DigestChallenge.of(stale).get(0).stale(), "stale=true expected");
            phone.digest().accept(stale);
            assertEquals(200, phone.register(600).getStatusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void replayedNonceCountIsRefused(String transport) throws Exception {
        try (TestPhone phone = gw.agentPhone(ext(1050, transport), transport).start()) {
            assertEquals(200, phone.register(600).getStatusCode());
            assertEquals(200, phone.register(600).getStatusCode()); // same nonce, nc=2
            phone.digest().rewindNonceCount();
            Response replay = phone.sendRegister(600).awaitResponse(401);
            assertTrue(DigestChallenge.of(replay).get(0).stale());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void tooBriefIsAnswered423WithMinExpires(String transport) throws Exception {
        String user = ext(1060, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            Response brief = phone.register(10);
            assertEquals(423, brief.getStatusCode());
            assertEquals(60, ((MinExpiresHeader) brief.getHeader(MinExpiresHeader.NAME)).getExpires());
            assertTrue(gw.server.locator().contactsOf("agent" + user).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void refreshKeepsOneBindingAndLongExpiresIsCapped(String transport) throws Exception {
        String user = ext(1070, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            assertEquals(200, phone.register(600).getStatusCode());
            Response ok = phone.register(86_400);
            assertEquals(200, ok.getStatusCode());
            List<ContactHeader> listed = contacts(ok);
            assertEquals(1, listed.size());
            assertTrue(listed.get(0).getExpires() <= 3600 && listed.get(0).getExpires() > 3500,
                    "expires " + listed.get(0).getExpires());
            assertEquals(1, gw.server.locator().contactsOf("agent" + user).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void twoContactsAreListedAndWildcardRemovesBoth(String transport) throws Exception {
        String user = ext(1080, transport);
        String agent = "agent" + user;
        try (TestPhone desk = gw.agentPhone(user, transport).start();
             TestPhone mobile = gw.agentPhone(user, transport).start()) {
            assertEquals(200, desk.register(600).getStatusCode());
            assertTrue(gw.awaitReachability(agent));
            Response second = mobile.register(300);
            assertEquals(200, second.getStatusCode());
            assertEquals(2, contacts(second).size());
            assertEquals(2, gw.server.locator().contactsOf(agent).size());
            assertEquals(200, desk.unregister().getStatusCode());
            assertEquals(List.of(mobile.contactUri()),
                    gw.server.locator().contactsOf(agent).stream().map(Binding::contact).toList());
            assertEquals(200, desk.register(600).getStatusCode());
            assertEquals(200, desk.unregisterAll().getStatusCode());
            assertTrue(gw.server.locator().contactsOf(agent).isEmpty());
            assertFalse(gw.awaitReachability(agent));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void bindingLapsesOnTheTimer(String transport) throws Exception {
        String user = ext(1090, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            assertEquals(200, phone.register(60).getStatusCode());
            assertTrue(gw.awaitReachability("agent" + user));
            gw.clockOffsetMs.addAndGet(61_000);
            assertFalse(gw.awaitReachability("agent" + user));
            assertTrue(gw.server.locator().contactsOf("agent" + user).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void phoneBehindNatIsReachedAtItsSourceAddress(String transport) throws Exception {
        String user = ext(1100, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            phone.advertise("10.9.9.9", 5099);
            Response ok = phone.register(600);
            assertEquals(200, ok.getStatusCode());
            ViaHeader via = (ViaHeader) ok.getHeader(ViaHeader.NAME);
            assertEquals("127.0.0.1", via.getReceived());
            Binding b = gw.server.locator().contactsOf("agent" + user).get(0);
            assertEquals(via.getRPort(), b.source().getPort(), "rport carries the source port");
            assertEquals("sip:" + user + "@10.9.9.9:5099" + ("TCP".equals(transport) ? ";transport=tcp" : ""),
                    b.contact());
            assertTrue(b.behindNat());
            assertEquals("sip:" + user + "@127.0.0.1:" + b.source().getPort() + ";transport="
                    + transport.toLowerCase(), b.reachUri());
            if ("UDP".equals(transport)) {
                assertEquals(phone.port(), b.source().getPort());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void phoneNotBehindNatKeepsItsContact(String transport) throws Exception {
        String user = ext(1110, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            assertEquals(200, phone.register(600).getStatusCode());
            Binding b = gw.server.locator().contactsOf("agent" + user).get(0);
            // over TCP the source port is the connection's, not the sent-by's: only the host is compared
            assertFalse(b.behindNat());
            assertEquals(b.contact(), b.reachUri());
            assertEquals(transport, b.transport());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void phoneBehindNatIsReachedThroughItsBinding(String transport) throws Exception {
        String user = ext(1120, transport);
        try (TestPhone phone = gw.agentPhone(user, transport).start()) {
            phone.advertise("10.9.9.9", 5099); // an address nobody could reach
            assertEquals(200, phone.register(600).getStatusCode());
            Binding b = gw.server.locator().contactsOf("agent" + user).get(0);
            sendOptions(b.reachUri());
            assertEquals("OPTIONS", phone.awaitRequest("OPTIONS").method());
        }
    }

    /** The gateway's own stack sends OPTIONS to {@code target}, as the B2BUA will send INVITEs. */
    private void sendOptions(String target) throws Exception {
        SipStackHost host = gw.server.host();
        AddressFactory af = host.addressFactory();
        HeaderFactory hf = host.headerFactory();
        SipURI uri = (SipURI) af.createURI(target);
        String transport = uri.getTransportParam() == null ? "udp" : uri.getTransportParam();
        ViaHeader via = hf.createViaHeader("127.0.0.1", host.port(), transport, null);
        Request options = host.messageFactory().createRequest(uri, Request.OPTIONS,
                host.provider().getNewCallId(), hf.createCSeqHeader(1L, Request.OPTIONS),
                hf.createFromHeader(af.createAddress("sip:gw@" + SipServerFixture.REALM), "gw1"),
                hf.createToHeader(af.createAddress(uri), null), List.of(via), hf.createMaxForwardsHeader(70));
        host.provider().getNewClientTransaction(options).sendRequest();
    }

    private static List<ContactHeader> contacts(Response r) {
        List<ContactHeader> list = new java.util.ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            list.add((ContactHeader) it.next());
        }
        return list;
    }
}
