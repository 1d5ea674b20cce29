package gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gateway.server.ServerMain;
import gateway.server.TwoAgentServer;
import gateway.testkit.Await;
import gateway.testkit.CallCenterPhones;
import gateway.testkit.CallCenterPhones.Caller;
import gateway.testkit.FreePorts;
import gateway.testphone.TestPhone;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A call center on loopback for the page's tests: the server with queue {@code sales} (department
 * Sales, number {@value #NUMBER}, calls recorded) where alice (priority 1) is rung before bob (2),
 * both with registered test phones; trunk callers; the admin API by bearer token for what the test
 * sets up and checks beside the page. The admin token signs in as admin, {@value #WALLBOARD_TOKEN}
 * as a read-only viewer.
 */
final class CallCenterRig implements AutoCloseable {
    static final String NUMBER = "5000";
    static final String ADMIN_TOKEN = "admin-token-7f3c9a";
    static final String WALLBOARD_TOKEN = "wall-screen-5d1e08";
    static final Duration WAIT = CallCenterPhones.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerMain server;
    private final CallCenterPhones phones;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Caller> callers = new ArrayList<>();
    private TestPhone alice;
    private TestPhone bob;

    private CallCenterRig(ServerMain server, CallCenterPhones phones) {
        this.server = server;
        this.phones = phones;
        this.base = URI.create("http://127.0.0.1:" + server.adminAddress().getPort() + "/");
    }

    /** The server in {@code dir} with both agents' phones registered. */
    static CallCenterRig start(Path dir) throws Exception {
        int sipPort = FreePorts.sip();
        // A long ring timeout and max wait: a test's call waits or rings as long as the test wants.
        String yaml = TwoAgentServer.yaml(sipPort, ADMIN_TOKEN, ", wallboardToken: " + WALLBOARD_TOKEN, "", "") + """
                queues:
                  - id: sales
                    department: Sales
                    strategy: priority
                    ringTimeout: 60s
                    maxWaitTime: 10m
                    serviceLevel: 20s
                    record: true
                    members: [ { agent: alice, priority: 1 }, { agent: bob, priority: 2 } ]
                numbers:
                  - { number: "%s", queue: sales }
                """.formatted(NUMBER);
        ServerMain server = TwoAgentServer.start(dir, yaml);
        CallCenterRig rig = new CallCenterRig(server,
                new CallCenterPhones(sipPort, TwoAgentServer.DOMAIN, TwoAgentServer.TRUNK));
        try {
            rig.alice = rig.phones.agent(server, "alice", "1001");
            rig.bob = rig.phones.agent(server, "bob", "1002");
        } catch (Exception | AssertionError e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    /** The page's address ({@code http://127.0.0.1:port/}). */
    URI base() {
        return base;
    }

    ServerMain server() {
        return server;
    }

    CallCenterPhones phones() {
        return phones;
    }

    TestPhone alice() {
        return alice;
    }

    TestPhone bob() {
        return bob;
    }

    /** A trunk caller in the queue; {@link #endCalls} hangs it up if the test did not. */
    Caller dial() throws Exception {
        Caller caller = phones.dial(NUMBER);
        callers.add(caller);
        return caller;
    }

    /**
     * After each test, passed or failed: hangs up its callers, waits until the server holds no
     * call, and takes what the agents' phones received since, so the next test starts clean.
     */
    void endCalls() throws Exception {
        for (Caller caller : callers) {
            try {
                caller.call().bye();
            } catch (RuntimeException hungUpAlready) {
                // the test ended this call itself
            }
        }
        callers.clear();
        Await.until(() -> send(request("/api/calls?live=true").GET()).body().contains("\"calls\":[]"), WAIT,
                () -> "calls still up after the test");
        for (TestPhone phone : List.of(alice, bob)) {
            for (String method : List.of("INVITE", "CANCEL", "BYE", "ACK")) {
                while (!phone.pendingRequests(method).isEmpty()) {
                    phone.awaitRequest(method, WAIT);
                }
            }
        }
    }

    /** Both agents available and offered calls, as every test starts. */
    void bothAvailable() throws Exception {
        for (String id : new String[] {"alice", "bob"}) {
            if (!agent(id).get("status").asText().equals("AVAILABLE")) {
                post("/api/agents/" + id + "/unpause", "");
            }
            CallCenterPhones.awaitOfferable(server, id);
        }
    }

    void pause(String agentId, String reason) throws Exception {
        assertEquals("PAUSED", post("/api/agents/" + agentId + "/pause", "{\"reason\": \"" + reason + "\"}")
                .get("status").asText());
    }

    void unpause(String agentId) throws Exception {
        assertEquals("AVAILABLE", post("/api/agents/" + agentId + "/unpause", "").get("status").asText());
    }

    /** {@code GET /api/agents/{id}}. */
    JsonNode agent(String id) throws Exception {
        return json(send(request("/api/agents/" + id).GET()));
    }

    /** The finished call's record once it is written and its recording closed. */
    JsonNode awaitRecording(String callId) throws Exception {
        return Await.value(() -> {
            HttpResponse<String> r = send(request("/api/calls/" + segment(callId)).GET());
            JsonNode call = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            boolean done = call != null && !call.path("live").asBoolean(true) && call.path("record").isObject()
                    && !call.path("record").path("recordingFile").isNull();
            return done ? call : null;
        }, WAIT, () -> "no finished, recorded call " + callId);
    }

    JsonNode post(String path, String body) throws Exception {
        return json(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT)
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    /** A SIP Call-ID as one path segment. */
    static String segment(String callId) {
        return URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        try {
            phones.close();
        } finally {
            server.close();
        }
    }
}
