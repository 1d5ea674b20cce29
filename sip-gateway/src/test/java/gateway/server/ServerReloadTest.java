package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.engine.AgentView;
import config.reload.ConfigReloader;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import gateway.trunk.RegistrationState;
import gateway.trunk.TrunkStatus;
import ivr.testkit.ExpectedLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server run from a config file: reloads change trunks, agents and queues; bad files change nothing. */
class ServerReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** An SDP the server cannot parse: an admitted INVITE with it gets 488. */
    private static final String UNUSABLE_SDP = "v=0\r\n";

    @TempDir
    Path dir;

    private final int sipPort;
    /** One RTP range for the test: a reload that changed it would warn that it needs a restart. */
    private final int rtp = 30_000 + 2 * ThreadLocalRandom.current().nextInt(0, 10_000);

    ServerReloadTest() throws java.io.IOException {
        sipPort = FreePorts.sip();
    }

    /** The server sections and agent alice: SIP on this test's port, RTP on this test's range. */
    private String server(String trunkAddress, String trunkAllow) {
        return """
                sip: { listen: 127.0.0.1:%d, domain: acd.test, advertise: 127.0.0.1, digest: [MD5] }
                rtp: { ports: %d-%d }
                http: { listen: "127.0.0.1:0", token: t }
                storage: { dir: data }
                trunks:
                  - { id: carrier, address: %s:5060, allow: [%s] }
                agents:
                  - { id: alice, extension: "1001", password: pw-1001 }
                """.formatted(sipPort, rtp, rtp + 199, trunkAddress, trunkAllow);
    }

    private String config(String trunkAllow, String extraAgent) {
        return server("127.0.0.3", trunkAllow) + """
                %s
                queues:
                  - id: sales
                    members: [ { agent: alice, priority: 1 } ]
                numbers:
                  - { number: "5000", queue: sales }
                """.formatted(extraAgent);
    }

    private ServerMain start(String yaml) throws Exception {
        return TwoAgentServer.start(dir, yaml);
    }

    @Test
    void reloadChangesTrunksAndAgentsAndABadFileChangesNothing() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(ConfigReloader.class)) {
            try (ServerMain server = start(config("127.0.0.2/32", ""));
                 TestPhone trunk = TestPhone.builder("+15550001").localAddress("127.0.0.4").domain("acd.test")
                         .server(server.gateway().sipPort()).start()) {
                assertEquals(Response.UNAUTHORIZED, trunk.invite("5000", null).awaitFinal().getStatusCode(),
                        "127.0.0.4 is not a trunk yet: it must authenticate");

                Files.writeString(dir.resolve("acd.yaml"), config("127.0.0.4/32",
                        "  - { id: bob, extension: \"1002\", password: pw-1002 }"));
                assertTrue(server.reloader().reload("test").ok());
                assertEquals(Response.NOT_ACCEPTABLE_HERE, trunk.invite("5000", UNUSABLE_SDP).awaitFinal().getStatusCode(),
                        "now a trunk: admitted without auth (and refused for its unusable SDP)");
                assertTrue(server.gateway().acd().agent("bob").get(10, TimeUnit.SECONDS).isPresent());
                try (TestPhone bob = TestPhone.builder("1002").password("pw-1002").domain("acd.test")
                        .server(server.gateway().sipPort()).start()) {
                    assertEquals(Response.OK, bob.register(300).getStatusCode(), "the new agent can register");
                }

                Files.writeString(dir.resolve("acd.yaml"), "sip: { domain: [oops\n");
                assertFalse(server.reloader().reload("test").ok());
                assertEquals(Response.NOT_ACCEPTABLE_HERE, trunk.invite("5000", UNUSABLE_SDP).awaitFinal().getStatusCode(),
                        "a bad file leaves the running config in force");
                AgentView alice = server.gateway().acd().agent("alice").get(10, TimeUnit.SECONDS).orElseThrow();
                assertEquals(AgentStatus.AVAILABLE + "/" + AgentState.IDLE, alice.status() + "/" + alice.state());
                assertFalse(alice.reachable(), "alice never registered: known, logged in, not offered calls");
            }
            assertTrue(log.warned("rejected, the running config stays in force"), log.warnings().toString());
        }
    }

    /** Two queues, or (after the reload) only support: sales' waiting caller goes on to its fallback, support. */
    private String queues(boolean withSales) {
        String sales = """
                  - id: sales
                    whenMaxWait: { queue: support }
                    members: [ { agent: alice, priority: 1 } ]
                """;
        return server("127.0.0.2", "127.0.0.2/32") + """
                queues:
                %s  - id: support
                    members: [ { agent: alice, priority: 1 } ]
                numbers:
                  - { number: "5000", queue: %s }
                """.formatted(withSales ? sales : "", withSales ? "sales" : "support");
    }

    @Test
    void aCallerInARemovedQueueGoesOnToTheFallbackItJoinedWith() throws Exception {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        try (ServerMain server = start(queues(true));
             TestPhone trunk = TestPhone.builder("+15550001").localAddress("127.0.0.2").domain("acd.test")
                     .server(server.gateway().sipPort()).start()) {
            Outgoing call = trunk.invite("5000", sdp);
            assertEquals(Response.OK, call.awaitFinal().getStatusCode());
            call.ack();
            Await.until(() -> inQueue(server, call.callId(), "sales"), WAIT, () -> "never queued in sales");

            Files.writeString(dir.resolve("acd.yaml"), queues(false));
            assertTrue(server.reloader().reload("test").ok());
            Await.until(() -> inQueue(server, call.callId(), "support"), WAIT,
                    () -> "sales was removed: the caller must wait in its fallback, support");
            assertEquals(Response.OK, call.bye().awaitFinal().getStatusCode());
        }
    }

    /** The server sections with one trunk at {@code port} of 127.0.0.3 that registers or not. */
    private String registering(int port, boolean register) {
        return server("127.0.0.3", "127.0.0.3/32").replace("  - { id: carrier, address: 127.0.0.3:5060, allow: [127.0.0.3/32] }",
                "  - { id: carrier, address: 127.0.0.3:%d, username: acd, password: pw, register: %s, domain: carrier.test }"
                        .formatted(port, register));
    }

    @Test
    void aTrunkRegistersAtStartAndUnregistersWhenAReloadTurnsRegisterOff() throws Exception {
        try (TestPhone registrar = TestPhone.builder("registrar").localAddress("127.0.0.3").domain("carrier.test")
                .server(9).start();
             ServerMain server = start(registering(registrar.port(), true))) {
            Incoming register = registrar.awaitRequest(Request.REGISTER, WAIT);
            assertEquals(600, register.request().getExpires().getExpires());
            register.respond(Response.OK, null, "Expires: 600");
            Await.until(() -> server.gateway().trunks().statuses().equals(List.of(
                    new TrunkStatus("carrier", RegistrationState.REGISTERED, "granted 600 s"))), WAIT,
                    () -> "" + server.gateway().trunks().statuses());
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.adminAddress().getPort() + "/api/trunks")).header("Authorization", "Bearer t")
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("[{\"id\":\"carrier\",\"registration\":\"REGISTERED\",\"detail\":\"granted 600 s\"}]", api.body());

            Files.writeString(dir.resolve("acd.yaml"), registering(registrar.port(), false));
            assertTrue(server.reloader().reload("test").ok());
            Incoming unregister = registrar.awaitRequest(Request.REGISTER, WAIT);
            assertEquals(0, unregister.request().getExpires().getExpires());
            unregister.respond(Response.OK);
            Await.until(() -> server.gateway().trunks().statuses().isEmpty(), WAIT,
                    () -> "" + server.gateway().trunks().statuses());
        }
    }

    private static boolean inQueue(ServerMain server, String callId, String queueId) throws Exception {
        return server.gateway().acd().call(callId).get(10, TimeUnit.SECONDS)
                .map(c -> c.queueId().equals(queueId)).orElse(false);
    }
}
