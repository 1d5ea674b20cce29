package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gateway.call.PhoneCalls;
import gateway.call.PhoneCalls.Caller;
import gateway.call.RtpPeer;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.Incoming;
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
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtp.timeout} from the config file: a bridged call whose caller stops sending RTP is hung
 * up on both sides once the timeout passes, and its record says MEDIA_TIMEOUT, answered, with the
 * talk ending at the caller's last packet rather than at the hang-up.
 */
class MediaTimeoutRecordTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long TIMEOUT_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close(); // phones first, the server last
        }
    }

    @Test
    void aCallerWhoStopsSendingIsHungUpByTheTimeoutAndRecordedAsMediaTimeout() throws Exception {
        ServerMain server = closing(TwoAgentServer.start(dir, TwoAgentServer.yaml(FreePorts.sip(), "", "",
                ", timeout: " + TIMEOUT_MS + "ms") + """
                queues:
                  - { id: sales, members: [ { agent: alice } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """));
        int sipPort = server.gateway().sipPort();
        TestPhone alice = closing(TestPhone.builder("1001").password("pw-1001").domain(TwoAgentServer.DOMAIN)
                .server(sipPort).start());
        assertEquals(Response.OK, alice.register(300).getStatusCode());
        Await.until(() -> server.gateway().acd().agent("alice").get(10, TimeUnit.SECONDS)
                .map(a -> a.offerable()).orElse(false), WAIT, () -> "alice is never offered calls");
        TestPhone trunk = closing(TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                .domain(TwoAgentServer.DOMAIN).server(sipPort).start());

        Caller caller = PhoneCalls.dial(trunk, closing(new RtpPeer(TwoAgentServer.TRUNK)), "5000", WAIT, 0, 101);
        Incoming ring = alice.awaitRequest("INVITE", WAIT);
        RtpPeer agent = PhoneCalls.answer(ring, closing(new RtpPeer("127.0.0.1")), 0);
        agent.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);

        caller.rtp().stopSending(); // the agent keeps talking: only the caller's side goes silent
        Incoming byeToCaller = caller.phone().awaitRequest("BYE", WAIT);
        assertTrue(byeToCaller.request().getHeader("Reason").toString().contains("RTP timeout"),
                byeToCaller.request().toString());
        alice.awaitRequest("BYE", WAIT);

        String callId = caller.call().callId();
        JsonNode record = Await.value(() -> {
            JsonNode detail = get(server, "/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8));
            return detail != null && detail.hasNonNull("record") ? detail.get("record") : null;
        }, WAIT, () -> "call " + callId + " has no record");
        assertEquals("MEDIA_TIMEOUT", record.get("outcome").asText(), record::toString);
        assertEquals("alice", record.get("agentId").asText(), record::toString);
        assertEquals("SYSTEM", record.get("hangupSide").asText(), record::toString);
        long bridgedToEndMs = record.get("endedMs").asLong() - record.get("answeredMs").asLong();
        long talkMs = record.get("talkMs").asLong();
        // the silence before the hang-up (the timeout, and up to a sweep more) is not talk
        assertTrue(talkMs > 0 && bridgedToEndMs - talkMs >= TIMEOUT_MS - 100,
                "talk " + talkMs + " ms of " + bridgedToEndMs + " ms bridged: " + record);
    }

    private JsonNode get(ServerMain server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminAddress().getPort()
                + path)).header("Authorization", "Bearer " + TwoAgentServer.TOKEN).timeout(WAIT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private <T extends AutoCloseable> T closing(T c) {
        closeables.add(c);
        return c;
    }
}
