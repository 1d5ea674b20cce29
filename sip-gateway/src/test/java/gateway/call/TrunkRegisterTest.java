package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.OfferMode;
import gateway.sip.auth.ClientCredentials;
import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestVerdict;
import gateway.testkit.Await;
import gateway.testphone.CarrierAuth;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import gateway.trunk.RegistrationSpec;
import gateway.trunk.RegistrationState;
import gateway.trunk.TrunkRoute;
import gateway.trunk.TrunkStatus;
import ivr.testkit.ExpectedLog;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server registers at a trunk whose registrar (a test phone on the trunk address) challenges
 * every REGISTER and grants 2 s, so the refresh comes within a test's wait; un-REGISTERs when a
 * reload removes the trunk and when the server stops.
 */
class TrunkRegisterTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final String USER = "acd-trunk";
    private static final String PASSWORD = "carrier-secret";
    private static final String DOMAIN = "carrier.test";

    private static TestPhone registrar(String transport) throws Exception {
        return TestPhone.builder("registrar").localAddress(CallRig.TRUNK_ADDRESS).domain(DOMAIN).transport(transport)
                .server(9).start();
    }

    private static RegistrationSpec spec(TestPhone registrar, String password) {
        TrunkRoute route = new TrunkRoute("carrier", new InetSocketAddress(CallRig.TRUNK_ADDRESS, registrar.port()),
                registrar.transport(), new ClientCredentials(USER, password), OfferMode.EARLY);
        return new RegistrationSpec(route, USER, DOMAIN, Duration.ofSeconds(600));
    }

    /** One REGISTER round as a carrier plays it: challenge, check the credentials, then {@code status} with Expires. */
    private static Incoming challengeThenAnswer(TestPhone registrar, CarrierAuth auth, int status, int expires) {
        return challengeThenAnswer(registrar.awaitRequest(Request.REGISTER, WAIT), registrar, auth, status, expires);
    }

    private static Incoming challengeThenAnswer(Incoming first, TestPhone registrar, CarrierAuth auth, int status,
                                                int expires) {
        auth.challenge(first, Response.UNAUTHORIZED, false);
        Incoming register = registrar.awaitRequest(Request.REGISTER, WAIT);
        assertEquals(DigestVerdict.OK, auth.verify(register.request()));
        register.respond(status, null, "Expires: " + expires);
        return register;
    }

    private static void awaitState(CallRig rig, RegistrationState state) throws Exception {
        Await.until(() -> rig.gateway.trunks().statuses().stream().anyMatch(s -> s.state() == state), WAIT,
                () -> "trunk statuses " + rig.gateway.trunks().statuses());
    }

    private static int expires(Incoming register) {
        return register.request().getExpires().getExpires();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void registersWithCredentialsRefreshesBeforeExpiryAndUnregistersWhenTheTrunkGoes(String transport) throws Exception {
        TestPhone registrar = registrar(transport);
        CarrierAuth auth = new CarrierAuth(DOMAIN, PASSWORD, DigestAlgorithm.SHA_256);
        try (registrar; CallRig rig = CallRig.builder().start()) {
            rig.gateway.trunks().apply(List.of(spec(registrar, PASSWORD)));
            Incoming first = challengeThenAnswer(registrar, auth, Response.OK, 2);
            Request r = first.request();
            assertEquals("sip:" + DOMAIN, r.getRequestURI().toString().replace(";transport=tcp", ""));
            assertEquals("sip:" + USER + "@" + DOMAIN, ((ToHeader) r.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
            assertEquals("sip:" + USER + "@" + DOMAIN, ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
            SipURI contact = (SipURI) ((ContactHeader) r.getHeader(ContactHeader.NAME)).getAddress().getURI();
            assertEquals(List.of(USER, "127.0.0.1", rig.sipPort()), List.of(contact.getUser(), contact.getHost(), contact.getPort()));
            assertEquals(600, expires(first));
            awaitState(rig, RegistrationState.REGISTERED);

            Incoming refresh = challengeThenAnswer(registrar, auth, Response.OK, 600);
            assertEquals(first.request().getHeader("Call-ID"), refresh.request().getHeader("Call-ID"));

            rig.gateway.trunks().apply(List.of());
            Incoming unregister = registrar.awaitRequest(Request.REGISTER, WAIT);
            assertEquals(0, expires(unregister));
            unregister.respond(Response.OK);
            Await.until(() -> rig.gateway.trunks().statuses().isEmpty(), WAIT, () -> "" + rig.gateway.trunks().statuses());
        }
    }

    @Test
    void theServerUnregistersWhenItStops() throws Exception {
        TestPhone registrar = registrar("UDP");
        CarrierAuth auth = new CarrierAuth(DOMAIN, PASSWORD, DigestAlgorithm.MD5);
        try (registrar) {
            CallRig rig = CallRig.builder().start();
            CompletableFuture<Void> stopped;
            try {
                rig.gateway.trunks().apply(List.of(spec(registrar, PASSWORD)));
                challengeThenAnswer(registrar, auth, Response.OK, 600);
                awaitState(rig, RegistrationState.REGISTERED);
            } finally {
                stopped = CompletableFuture.runAsync(rig::close);
            }
            Incoming unregister = registrar.awaitRequest(Request.REGISTER, WAIT);
            assertEquals(0, expires(unregister));
            challengeThenAnswer(unregister, registrar, auth, Response.OK, 0);
            stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(List.of(new TrunkStatus("carrier", RegistrationState.UNREGISTERED, "binding removed: 200 OK")),
                    rig.gateway.trunks().statuses());
        }
    }

    @Test
    void aWrongPasswordFailsTheRegistrationAndSaysWhy() throws Exception {
        TestPhone registrar = registrar("UDP");
        CarrierAuth auth = new CarrierAuth(DOMAIN, PASSWORD, DigestAlgorithm.MD5);
        try (ExpectedLog log = ExpectedLog.of("gateway.trunk.TrunkRegistration"); registrar;
             CallRig rig = CallRig.builder().start()) {
            rig.gateway.trunks().apply(List.of(spec(registrar, "wrong")));
            auth.challenge(registrar.awaitRequest(Request.REGISTER, WAIT), Response.UNAUTHORIZED, false);
            Incoming second = registrar.awaitRequest(Request.REGISTER, WAIT);
            assertEquals(DigestVerdict.WRONG_RESPONSE, auth.verify(second.request()));
            auth.challenge(second, Response.UNAUTHORIZED, false);
            awaitState(rig, RegistrationState.FAILED);
            String detail = rig.gateway.trunks().statuses().get(0).detail();
            assertTrue(detail.startsWith("credentials refused (401 again after our answer); retrying in 30 s"), detail);
            assertTrue(log.warned("trunk carrier registration as acd-trunk@carrier.test: REGISTERING -> FAILED"),
                    "" + log.warnings());
            assertTrue(log.warnings().stream().noneMatch(w -> w.contains("wrong")), "never the password");
        }
    }
}
