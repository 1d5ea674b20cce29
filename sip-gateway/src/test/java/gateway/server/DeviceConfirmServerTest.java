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
import ivr.testkit.ExpectedLog;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forwardConfirm from a config file on a real server: carol's mobile (through a trunk) answers,
 * hears the shipped "press 1" prompt, presses 2; the call goes on to alice, and the call's record,
 * its queue events, the metrics and the log count carol's ring as missed, unconfirmed.
 */
class DeviceConfirmServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SOUNDS = Path.of("..", "config", "sounds").toAbsolutePath().normalize();
    private static final String DEVICE_ADDRESS = "127.0.0.3";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnconfirmedDeviceIsAMissedRingInRecordsMetricsAndLog() throws Exception {
        try (TestPhone device = TestPhone.builder("+15550100009").localAddress(DEVICE_ADDRESS)
                .domain(TwoAgentServer.DOMAIN).server(9).start();
             ExpectedLog log = ExpectedLog.atInfo("gateway");
             ServerMain server = TwoAgentServer.start(dir, yaml(device.port()));
             TestPhone alice = TestPhone.builder("1001").password("pw-1001").domain(TwoAgentServer.DOMAIN)
                     .server(server.gateway().sipPort()).start();
             TestPhone trunk = TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                     .domain(TwoAgentServer.DOMAIN).server(server.gateway().sipPort()).start();
             RtpPeer callerRtp = new RtpPeer(TwoAgentServer.TRUNK);
             RtpPeer deviceRtp = new RtpPeer(DEVICE_ADDRESS);
             RtpPeer aliceRtp = new RtpPeer("127.0.0.1")) {
            URI api = URI.create("http://127.0.0.1:" + server.adminAddress().getPort());
            assertEquals(200, alice.register(300).getStatusCode());
            Await.until(() -> server.gateway().acd().agent("alice").get(10, TimeUnit.SECONDS)
                    .map(a -> a.reachable()).orElse(false), WAIT, () -> "alice never reachable");

            Caller caller = PhoneCalls.dial(trunk, callerRtp, "5000", WAIT, 0, 101);
            Incoming ring = device.awaitRequest("INVITE", WAIT);
            PhoneCalls.answer(ring, deviceRtp, 0);
            deviceRtp.await(p -> p.payloadType() == 0 && speech(p.payload()), WAIT, "the press-one prompt");
            deviceRtp.pressKey('2', 101);
            device.awaitRequest("BYE", WAIT);

            PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), aliceRtp, 0).awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);

            String id = caller.call().callId();
            JsonNode detail = Await.value(() -> {
                // between leaving the live calls and its record's write the call is not found
                HttpResponse<byte[]> r = get(api, "/api/calls/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                JsonNode d = r.statusCode() == 404 ? null : json(r);
                return d == null || d.get("record").isNull() ? null : d;
            }, WAIT, () -> "no record of " + id);
            assertEquals(1, detail.get("record").get("ringsMissed").asInt(), detail::toString);
            assertEquals("alice", detail.get("record").get("agentId").asText(), detail::toString);
            List<String> events = new ArrayList<>();
            detail.get("events").forEach(e -> events.add(e.get("event").asText() + " " + e.get("agentId").asText()));
            assertTrue(events.indexOf("RINGNOANSWER carol") >= 0
                    && events.indexOf("RINGNOANSWER carol") < events.indexOf("CONNECT alice"), events::toString);

            String metrics = new String(get(api, "/metrics").body(), StandardCharsets.UTF_8);
            assertTrue(metrics.contains("acd_rings_missed_total{queue=\"sales\",reason=\"unconfirmed\"} 1.0"), metrics);
            String prefix = "call " + id + ": ";
            assertTrue(log.lines().contains(prefix + "ring of agent carol ended: the device did not confirm "
                    + "(key 2 by RFC4733 instead of 1)"), () -> String.join("\n", log.lines()));
            assertEquals(List.of(), log.warnings());
        }
    }

    /** The two agents' server, a trunk to the device, and carol reached only on it, confirming. */
    private static String yaml(int devicePort) throws Exception {
        return TwoAgentServer.yaml(FreePorts.sip(), "", "")
                .replace("trunks:\n", "trunks:\n  - { id: mobile, address: %s:%d }\n".formatted(DEVICE_ADDRESS, devicePort))
                + """
                  - { id: carol, device: "+15550100009", forward: always, trunk: mobile }
                queues:
                  - id: sales
                    ringTimeout: 10s
                    forwardConfirm: true
                    holdMusic: %s/hold-music.wav
                    members: [ { agent: carol, priority: 1 }, { agent: alice, priority: 2 } ]
                numbers: [ { number: "5000", queue: sales } ]
                """.formatted(SOUNDS);
    }

    /** Whether a µ-law frame is more than silence: the prompt speaking. */
    private static boolean speech(byte[] payload) {
        for (byte b : payload) {
            if (b != payload[0]) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<byte[]> get(URI api, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(WAIT)
                .header("Authorization", "Bearer " + TwoAgentServer.TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        return JSON.readTree(body);
    }
}
