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
import java.io.IOException;
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
import ops.metrics.PrometheusText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's {@code /metrics} scraped and parsed around real calls: the series move as the calls
 * go (and a media timeout's record read back through the admin API).
 */
class MetricsFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DOMAIN = TwoAgentServer.DOMAIN;
    private static final String TRUNK = TwoAgentServer.TRUNK;
    private static final String SALES = "sales";
    private static final long RTP_TIMEOUT_MS = 2_000;
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
    void seriesMoveWithAnAnsweredAndAnAbandonedCall() throws Exception {
        ServerMain server = start(null);
        int sipPort = server.gateway().sipPort();
        TestPhone alice = agent(server, "alice", "1001");
        agent(server, "bob", "1002");
        TestPhone trunk = closing(TestPhone.builder("+15550001").localAddress(TRUNK).domain(DOMAIN).server(sipPort)
                .start());
        PrometheusText before = scrape(server, null);
        assertEquals(2, before.value("acd_registrations"), "alice's and bob's phones");
        assertEquals(0, before.value("acd_active_calls"));

        // answered: alice talks, then the caller hangs up
        Caller answered = PhoneCalls.dial(trunk, rtp(TRUNK), "5000", WAIT, 0, 101);
        RtpPeer aliceRtp = PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), rtp("127.0.0.1"), 0);
        aliceRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        answered.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        PrometheusText talking = awaitScrape(server, m -> m.value("acd_agents", "status", "available",
                "state", "on_call") == 1, "alice on a call");
        assertEquals(1, talking.value("acd_active_calls"), "the call in progress");
        assertEquals(0, talking.value("acd_queue_waiting_calls", "queue", SALES));
        assertEquals(Response.OK, answered.call().bye().awaitFinal(WAIT).getStatusCode());
        alice.awaitRequest("BYE", WAIT);

        // abandoned: the caller hangs up while alice's phone rings
        Caller abandoned = PhoneCalls.dial(trunk, rtp(TRUNK), "5000", WAIT, 0, 101);
        Incoming ring = alice.awaitRequest("INVITE", WAIT);
        ring.ringing();
        assertEquals(Response.OK, abandoned.call().bye().awaitFinal(WAIT).getStatusCode());
        alice.awaitRequest("CANCEL", WAIT);

        PrometheusText after = awaitScrape(server, m -> m.value("acd_active_calls") == 0
                        && m.value("acd_active_legs") == 0
                        && delta(before, m, "acd_calls_total", "queue", SALES, "outcome", "abandoned") == 1
                        && delta(before, m, "acd_recordings_total") == 1
                        && m.value("acd_agents", "status", "available", "state", "idle") == 2,
                "both calls and the cancelled ring over, the recording written, both agents idle");
        assertEquals(1, delta(before, after, "acd_calls_total", "queue", SALES, "outcome", "completed"));
        assertEquals(1, delta(before, after, "acd_calls_total", "queue", SALES, "outcome", "abandoned"));
        assertEquals(2, delta(before, after, "acd_calls_total", "queue", SALES), "no other outcome moved");
        assertEquals(2, delta(before, after, "acd_calls_offered_total", "queue", SALES));
        assertEquals(1, delta(before, after, "acd_queue_wait_seconds_count", "queue", SALES), "one answered wait");
        assertEquals(1, delta(before, after, "acd_queue_talk_seconds_count", "queue", SALES), "one talk");
        assertTrue(after.value("acd_queue_talk_seconds_sum", "queue", SALES) > 0);
        assertEquals(2, after.sum("acd_agents"), "every agent counted once: " + after.find("acd_agents"));
        assertTrue(delta(before, after, "acd_sip_requests_total", "direction", "in", "method", "INVITE") >= 2);
        assertTrue(delta(before, after, "acd_sip_requests_total", "direction", "in", "method", "BYE") >= 2);
        assertTrue(delta(before, after, "acd_sip_requests_total", "direction", "out", "method", "CANCEL") >= 1);
        assertTrue(delta(before, after, "acd_sip_responses_total", "direction", "out", "class", "2xx") >= 4);
        assertTrue(delta(before, after, "acd_sip_responses_total", "direction", "in", "class", "2xx") >= 1);
        assertEquals(2, after.value("acd_registrations"));
        assertEquals(0, after.value("acd_active_legs"));
        assertTrue(delta(before, after, "acd_rtp_packets_relayed_total") > 0, "the answered call's audio");

        // a new registration is counted and the contacts gauge follows the registrar
        double registers = after.value("acd_sip_requests_total", "direction", "in", "method", "REGISTER");
        assertEquals(Response.OK, alice.unregister().getStatusCode());
        PrometheusText unregistered = awaitScrape(server, m -> m.value("acd_registrations") == 1,
                "alice's contact removed");
        assertTrue(unregistered.value("acd_sip_requests_total", "direction", "in", "method", "REGISTER") > registers);
        assertTrue(before.value("acd_sip_requests_total", "direction", "in", "method", "REGISTER") >= 2,
                "the agents' REGISTERs, counted before the calls");
    }

    /**
     * {@code rtp.timeout} from the config file: a bridged call whose caller stops sending RTP is
     * hung up on both sides once the timeout passes, counted as media_timeout, and recorded as
     * MEDIA_TIMEOUT, answered, with the talk ending at the caller's last packet, not at the hang-up.
     */
    @Test
    void aCallerWhoStopsSendingIsHungUpByRtpTimeoutCountedAndRecordedAsMediaTimeout() throws Exception {
        ServerMain server = start(null, ", timeout: " + RTP_TIMEOUT_MS + "ms");
        TestPhone alice = agent(server, "alice", "1001");
        TestPhone trunk = closing(TestPhone.builder("+15550001").localAddress(TRUNK).domain(DOMAIN)
                .server(server.gateway().sipPort()).start());
        Caller caller = PhoneCalls.dial(trunk, rtp(TRUNK), "5000", WAIT, 0, 101);
        RtpPeer aliceRtp = PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), rtp("127.0.0.1"), 0);
        aliceRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);

        caller.rtp().stopSending(); // alice keeps talking: only the caller's side goes silent
        Incoming byeToCaller = caller.phone().awaitRequest("BYE", WAIT);
        assertTrue(byeToCaller.request().getHeader("Reason").toString().contains("RTP timeout"),
                byeToCaller.request().toString());
        alice.awaitRequest("BYE", WAIT);
        awaitScrape(server, m -> m.value("acd_calls_total", "queue", SALES, "outcome", "media_timeout") == 1
                && m.value("acd_queue_talk_seconds_count", "queue", SALES) == 1, "the media timeout counted");

        String callId = caller.call().callId();
        JsonNode record = Await.value(() -> {
            HttpResponse<String> r = get(server, "/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8),
                    TwoAgentServer.TOKEN);
            return r.statusCode() == 200 && JSON.readTree(r.body()).hasNonNull("record")
                    ? JSON.readTree(r.body()).get("record") : null;
        }, WAIT, () -> "call " + callId + " has no record");
        assertEquals("MEDIA_TIMEOUT/alice/SYSTEM", record.get("outcome").asText() + "/"
                + record.get("agentId").asText() + "/" + record.get("hangupSide").asText(), record::toString);
        long bridgedToEndMs = record.get("endedMs").asLong() - record.get("answeredMs").asLong();
        long talkMs = record.get("talkMs").asLong();
        // the silence before the hang-up (the timeout, and up to a check interval more) is not talk
        assertTrue(talkMs > 0 && bridgedToEndMs - talkMs >= RTP_TIMEOUT_MS - 100,
                "talk " + talkMs + " ms of " + bridgedToEndMs + " ms bridged: " + record);
    }

    @Test
    void aMetricsTokenIsRequiredOnceSet() throws Exception {
        ServerMain server = start("scrape-secret");
        assertEquals(401, get(server, null).statusCode());
        assertEquals(401, get(server, "wrong").statusCode());
        HttpResponse<String> ok = get(server, "scrape-secret");
        assertEquals(200, ok.statusCode());
        assertTrue(PrometheusText.parse(ok.body()).has("acd_calls_total"));
    }

    private ServerMain start(String metricsToken) throws Exception {
        return start(metricsToken, "");
    }

    /** @param rtpMore more of the rtp section, e.g. {@code ", timeout: 2s"} */
    private ServerMain start(String metricsToken, String rtpMore) throws Exception {
        String yaml = TwoAgentServer.yaml(FreePorts.sip(), metricsToken == null ? "" : ", metricsToken: " + metricsToken,
                "", rtpMore) + """
                queues:
                  - { id: sales, record: true, ringTimeout: 10s, members: [ { agent: alice } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """;
        return closing(TwoAgentServer.start(dir, yaml));
    }

    /** A registered agent phone, once the core has the agent reachable. */
    private TestPhone agent(ServerMain server, String agentId, String extension) throws Exception {
        TestPhone phone = closing(TestPhone.builder(extension).password("pw-" + extension).domain(DOMAIN)
                .server(server.gateway().sipPort()).start());
        assertEquals(Response.OK, phone.register(300).getStatusCode(), agentId + " registers");
        Await.until(() -> server.gateway().acd().agent(agentId).get(10, TimeUnit.SECONDS)
                .map(a -> a.reachable()).orElse(false), WAIT, () -> agentId + " never reachable");
        return phone;
    }

    private RtpPeer rtp(String address) throws IOException {
        return closing(new RtpPeer(address));
    }

    private <T extends AutoCloseable> T closing(T c) {
        closeables.add(c);
        return c;
    }

    private HttpResponse<String> get(ServerMain server, String token) throws Exception {
        return get(server, "/metrics", token);
    }

    private HttpResponse<String> get(ServerMain server, String path, String token) throws Exception {
        var address = server.adminAddress();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address.getHostString() + ":"
                + address.getPort() + path)).timeout(WAIT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape(ServerMain server, String token) throws Exception {
        HttpResponse<String> r = get(server, token);
        assertEquals(200, r.statusCode(), r.body());
        return PrometheusText.parse(r.body());
    }

    private interface Check {
        boolean holds(PrometheusText m);
    }

    /** Scrapes until {@code check} holds: the core's events reach the metrics off the call path. */
    private PrometheusText awaitScrape(ServerMain server, Check check, String what) throws Exception {
        PrometheusText[] last = new PrometheusText[1];
        return Await.value(() -> {
            last[0] = scrape(server, null);
            return check.holds(last[0]) ? last[0] : null;
        }, WAIT, () -> "never " + what + "; last scrape: " + (last[0] == null ? null : last[0].samples()));
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
