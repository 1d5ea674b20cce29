package gateway.server;

import static gateway.testkit.CallCenterPhones.awaitOfferable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gateway.testkit.Await;
import gateway.testkit.CallCenterPhones;
import gateway.testkit.CallCenterPhones.Answer;
import gateway.testkit.CallCenterPhones.Caller;
import gateway.testkit.FreePorts;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Goertzel;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.audio.WavData;
import ivr.audio.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import ops.testkit.Csv;
import ops.testkit.SseClient;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server run from a config file, with real calls over SIP and RTP on loopback, then read
 * through the admin API: each call's record and events, the queue report as JSON and CSV, the
 * answered call's recording whole and by Range, the token, and pausing through the API
 * changing who is rung. Against SQLite and PostgreSQL.
 */
class OpsApiFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = TwoAgentServer.TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double CALLER_HZ = CallCenterPhones.CALLER_HZ;
    private static final double AGENT_HZ = CallCenterPhones.AGENT_HZ;

    /** The queue's figures: answering within SERVICE_LEVEL counts, MAX_WAIT sends a caller away. */
    private static final long SERVICE_LEVEL_MS = 1_000;
    private static final long MAX_WAIT_MS = 3_000;
    /** How long agent and callers take on purpose: one answer within the service level, one over it. */
    private static final long QUICK_ANSWER_MS = 300;
    private static final long SLOW_ANSWER_MS = 1_600;
    private static final long ABANDON_AFTER_MS = 1_000;
    /** Records and timings agree within this ("within a second"). */
    private static final long TOLERANCE_MS = 1_000;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private CallCenterPhones phones;
    private URI api;

    /** What the test did with one call, to hold its record against. */
    private record Made(String callId, String outcome, String agentId, long waitMs, long talkMs) {
    }

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void callsShowInRecordsReportsAndRecordingsAndPausingChangesWhoIsRung(TestDatabases.Kind db) throws Exception {
        try (TestDatabases.Fresh fresh = db.fresh(dir);
             ServerMain server = start(fresh.url());
             CallCenterPhones closePhones = phones) {
            api = URI.create("http://127.0.0.1:" + server.adminAddress().getPort());
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            TestPhone alice = phones.agent(server, "alice", "1001");

            // answered within the service level, talking about a second; the caller hangs up
            Caller quick = dial();
            Answer first = answerAfter(alice, quick, QUICK_ANSWER_MS);
            talk(quick, first);
            first.rtp().awaitSent(50, WAIT);
            long quickEnd = quick.hangUp();
            alice.awaitRequest("BYE", WAIT);
            Made answered = new Made(quick.call().callId(), "ANSWERED", "alice", ms(first.at() - quick.queuedAt()),
                    ms(quickEnd - first.at()));
            awaitOfferable(server, "alice");

            // answered over the service level
            Caller slow = dial();
            Answer second = answerAfter(alice, slow, SLOW_ANSWER_MS);
            talk(slow, second);
            long slowEnd = slow.hangUp();
            alice.awaitRequest("BYE", WAIT);
            Made answeredLate = new Made(slow.call().callId(), "ANSWERED", "alice", ms(second.at() - slow.queuedAt()),
                    ms(slowEnd - second.at()));
            awaitOfferable(server, "alice");

            // no agent free: one caller gives up, the other waits until the queue's max wait
            assertEquals("PAUSED", json(post("/api/agents/alice/pause", "{\"reason\": \"lunch\"}")).get("status").asText());
            Caller gaveUp = dial();
            Caller timedOut = dial();
            Thread.sleep(ABANDON_AFTER_MS); // the caller's patience
            long gaveUpAt = gaveUp.hangUp();
            timedOut.phone().awaitRequest("BYE", WAIT);
            long timedOutAt = System.nanoTime();
            Made abandoned = new Made(gaveUp.call().callId(), "ABANDONED_QUEUE", null, ms(gaveUpAt - gaveUp.queuedAt()), 0);
            Made timeout = new Made(timedOut.call().callId(), "TIMED_OUT", null, ms(timedOutAt - timedOut.queuedAt()), 0);
            assertTrue(Math.abs(timeout.waitMs() - MAX_WAIT_MS) <= TOLERANCE_MS, "sent away after the max wait: " + timeout);

            List<Made> made = List.of(answered, answeredLate, abandoned, timeout);
            Map<String, JsonNode> records = awaitRecords(made);
            for (Made m : made) {
                assertRecord(m, records.get(m.callId()));
            }
            assertEvents(answered.callId(), "ENTERQUEUE", "RINGING", "CONNECT", "COMPLETECALLER");
            assertEvents(abandoned.callId(), "ENTERQUEUE", "ABANDON");
            assertEvents(timeout.callId(), "ENTERQUEUE", "EXITWITHTIMEOUT");

            assertReport(from, made);
            assertRecording(records.get(answered.callId()));
            assertTokenRequired();

            pausingTheBestAgentRingsTheOther(server, alice);
        }
    }

    /**
     * {@code GET /api/events}: a real call shows in the snapshots queued (with its place in line),
     * then bridged to the agent, then as {@code finished} once its record can be read.
     */
    @Test
    void aCallShowsInTheLiveFeedQueuedThenBridgedThenFinished() throws Exception {
        try (TestDatabases.Fresh fresh = TestDatabases.Kind.SQLITE.fresh(dir);
             ServerMain server = start(fresh.url());
             CallCenterPhones closePhones = phones) {
            api = URI.create("http://127.0.0.1:" + server.adminAddress().getPort());
            TestPhone alice = phones.agent(server, "alice", "1001");
            assertEquals("PAUSED", json(post("/api/agents/alice/pause", "{\"reason\": \"lunch\"}")).get("status").asText());
            try (SseClient events = new SseClient(api.getPort(), "/api/events", "Bearer " + TOKEN)) {
                assertEquals(200, events.status);
                awaitEvent(events, "snapshot", s -> s.get("agents").size() == 2);

                Caller caller = dial();
                String callId = caller.call().callId();
                awaitEvent(events, "snapshot", s -> call(s, callId, "QUEUED")
                        .map(c -> c.get("position").asInt() == 1 && c.get("waitMs").isNumber()).orElse(false)
                        && s.get("queues").get(0).get("callers").get(0).get("callId").asText().equals(callId));

                json(post("/api/agents/alice/unpause", ""));
                Answer answer = answerAfter(alice, caller, 0);
                talk(caller, answer);
                awaitEvent(events, "snapshot", s -> call(s, callId, "BRIDGED")
                        .map(c -> c.get("agentId").asText().equals("alice") && c.get("position").isNull()).orElse(false));

                caller.hangUp();
                alice.awaitRequest("BYE", WAIT);
                awaitEvent(events, "finished", f -> f.get("callIds").toString().contains(callId));
                assertTrue(json(get("/api/calls?live=false&limit=10")).get("calls").toString().contains(callId),
                        "queryable once finished is told");
                awaitEvent(events, "snapshot", s -> s.get("calls").isEmpty()
                        && s.get("queues").get(0).get("today").get("answered").asLong() == 1);
            }
        }
    }

    /** Waits for an event of {@code kind} whose data passes {@code test}, skipping the others. */
    private static void awaitEvent(SseClient events, String kind, Predicate<JsonNode> test) throws Exception {
        events.next(kind, data -> {
            try {
                return test.test(JSON.readTree(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, WAIT.toMillis());
    }

    private static Optional<JsonNode> call(JsonNode snapshot, String callId, String phase) {
        for (JsonNode c : snapshot.get("calls")) {
            if (c.get("callId").asText().equals(callId) && c.get("phase").asText().equals(phase)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Alice (priority 1) is rung before bob (2), bob while alice is paused, alice again once unpaused. */
    private void pausingTheBestAgentRingsTheOther(ServerMain server, TestPhone alice) throws Exception {
        assertEquals("AVAILABLE", json(post("/api/agents/alice/unpause", "")).get("status").asText());
        TestPhone bob = phones.agent(server, "bob", "1002");
        awaitOfferable(server, "alice");
        ringsOnly(server, alice, "alice", bob);

        JsonNode paused = json(post("/api/agents/alice/pause", "{\"reason\": \"coaching\"}"));
        assertEquals("PAUSED", paused.get("status").asText());
        assertEquals("coaching", paused.get("reason").asText());
        ringsOnly(server, bob, "bob", alice);

        assertEquals("AVAILABLE", json(post("/api/agents/alice/unpause", "")).get("status").asText());
        ringsOnly(server, alice, "alice", bob);
    }

    /** A call rings {@code rung} and not {@code other}; the caller then hangs up and the ring is cancelled. */
    private void ringsOnly(ServerMain server, TestPhone rung, String rungId, TestPhone other) throws Exception {
        Caller caller = dial();
        rung.awaitRequest("INVITE", WAIT).ringing();
        assertTrue(other.pendingRequests("INVITE").isEmpty(), "only " + rungId + " is rung");
        caller.hangUp();
        rung.awaitRequest("CANCEL", WAIT);
        awaitOfferable(server, rungId);
        assertTrue(other.pendingRequests("INVITE").isEmpty(), "only " + rungId + " was rung");
    }

    private ServerMain start(String database) throws Exception {
        int sipPort = FreePorts.sip();
        phones = new CallCenterPhones(sipPort, TwoAgentServer.DOMAIN, TwoAgentServer.TRUNK);
        String yaml = TwoAgentServer.yaml(sipPort, "", database == null ? "" : ", database: \"" + database + "\"") + """
                queues:
                  - id: sales
                    department: Sales
                    strategy: priority
                    ringTimeout: 5s
                    maxWaitTime: %dms
                    serviceLevel: %dms
                    record: true
                    members: [ { agent: alice, priority: 1 }, { agent: bob, priority: 2 } ]
                numbers:
                  - { number: "5000", queue: sales }
                """.formatted(MAX_WAIT_MS, SERVICE_LEVEL_MS);
        return TwoAgentServer.start(dir, yaml);
    }

    private Caller dial() throws Exception {
        return phones.dial("5000");
    }

    /** The agent's phone rings, and is answered {@code delayMs} after the caller was queued. */
    private Answer answerAfter(TestPhone agent, Caller caller, long delayMs) throws Exception {
        Incoming invite = agent.awaitRequest("INVITE", WAIT);
        invite.ringing();
        long left = delayMs - ms(System.nanoTime() - caller.queuedAt());
        if (left > 0) {
            Thread.sleep(left); // the agent's known delay in answering
        }
        return phones.answer(invite);
    }

    /** Each side hears the other's tone through the bridge. */
    private static void talk(Caller caller, Answer agent) {
        agent.rtp().awaitFrame(tone(CALLER_HZ), Codec.PCMU, 10, WAIT);
        caller.rtp().awaitFrame(tone(AGENT_HZ), Codec.PCMU, 10, WAIT);
    }

    private static Prompt tone(double hz) {
        return Prompt.of(hz + " Hz", ToneGenerator.tone(1000, 0.3, hz));
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The finished calls' records by call id, once all of {@code made} are written. */
    private Map<String, JsonNode> awaitRecords(List<Made> made) throws Exception {
        return Await.value(() -> {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (JsonNode c : json(get("/api/calls?live=false&limit=100")).get("calls")) {
                byId.put(c.get("callId").asText(), c);
            }
            return made.stream().allMatch(m -> byId.containsKey(m.callId())) ? byId : null;
        }, WAIT, () -> "records of " + made + " not all written");
    }

    private static void assertRecord(Made m, JsonNode r) {
        String which = m + " vs " + r;
        assertEquals(m.outcome(), r.get("outcome").asText(), which);
        assertEquals("sales", r.get("queueId").asText(), which);
        assertEquals("Sales", r.get("department").asText(), which);
        assertEquals("+15550001", r.get("callerNumber").asText(), which);
        assertEquals("5000", r.get("dialed").asText(), which);
        assertEquals(m.agentId(), r.get("agentId").isNull() ? null : r.get("agentId").asText(), which);
        assertTrue(Math.abs(r.get("waitMs").asLong() - m.waitMs()) <= TOLERANCE_MS, "wait: " + which);
        assertTrue(Math.abs(r.get("talkMs").asLong() - m.talkMs()) <= TOLERANCE_MS, "talk: " + which);
        boolean answered = m.outcome().equals("ANSWERED");
        assertEquals(answered, !r.get("answeredMs").isNull(), which);
        assertEquals(answered, !r.get("recordingFile").isNull(), "only answered calls are recorded: " + which);
        if (answered || m.outcome().equals("ABANDONED_QUEUE")) {
            assertEquals("CALLER", r.get("hangupSide").asText(), which);
        }
    }

    /** {@code GET /api/calls/{id}}: the finished call with its queue events, in order. */
    private void assertEvents(String callId, String... expected) throws Exception {
        JsonNode detail = json(get("/api/calls/" + segment(callId)));
        assertEquals(callId, detail.get("callId").asText());
        assertTrue(!detail.get("live").asBoolean() && !detail.get("record").isNull(), detail::toString);
        List<String> events = new ArrayList<>();
        detail.get("events").forEach(e -> events.add(e.get("event").asText()));
        assertEquals(List.of(expected), events, detail::toString);
    }

    /** The queue's report over the test's range matches the calls, as JSON and as CSV. */
    private void assertReport(Instant from, List<Made> made) throws Exception {
        String query = "/api/reports?by=queue&group=range&from=" + from + "&to="
                + Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        JsonNode report = json(get(query));
        List<String> columns = new ArrayList<>();
        report.get("columns").forEach(c -> columns.add(c.asText()));
        assertEquals(1, report.get("rows").size(), report::toString);
        Map<String, JsonNode> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), report.get("rows").get(0).get(i));
        }
        long answeredInTime = made.stream().filter(m -> m.outcome().equals("ANSWERED") && m.waitMs() <= SERVICE_LEVEL_MS)
                .count();
        assertEquals(1, answeredInTime, "one call answered within the service level: " + made);
        String figures = row.toString();
        assertEquals("sales", row.get("key").asText(), figures);
        assertEquals(4, row.get("offered").asLong(), figures);
        assertEquals(2, row.get("answered").asLong(), figures);
        assertEquals(1, row.get("abandoned").asLong(), figures);
        assertEquals(1, row.get("short_abandons").asLong(), "abandoned within 5 s: " + figures);
        assertEquals(1, row.get("timed_out").asLong(), figures);
        // answered within the threshold / (offered - short abandons)
        assertEquals(new BigDecimal("33.33"), row.get("service_level_pct").decimalValue(), figures);
        assertTrue(Math.abs(row.get("longest_wait_s").asDouble() * 1000 - made.get(3).waitMs()) <= TOLERANCE_MS, figures);

        HttpResponse<byte[]> csv = get(query + "&format=csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers()::toString);
        List<List<String>> table = Csv.parse(new String(csv.body(), StandardCharsets.UTF_8));
        assertEquals(2, table.size(), "header and one row: " + table);
        assertEquals(columns, table.get(0));
        for (int i = 0; i < columns.size(); i++) {
            JsonNode value = row.get(columns.get(i));
            String field = table.get(1).get(i);
            String what = columns.get(i) + ": csv " + field + ", json " + value;
            if (value.isNull()) {
                assertEquals("", field, what);
            } else if (value.isNumber()) {
                assertEquals(0, value.decimalValue().compareTo(new BigDecimal(field)), what);
            } else {
                assertEquals(value.asText(), field, what);
            }
        }
    }

    /** The answered call's recording: whole (caller on the left, agent on the right), and its first bytes by Range. */
    private void assertRecording(JsonNode record) throws Exception {
        String url = "/api/recordings/" + segment(record.get("callId").asText());
        HttpResponse<byte[]> whole = get(url);
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(null));
        assertEquals(Files.size(Path.of(record.get("recordingFile").asText())), whole.body().length, "the whole file");
        Path copy = dir.resolve("downloaded.wav");
        Files.write(copy, whole.body());
        WavData wav = WavReader.read(copy);
        assertEquals(2, wav.channels());
        short[] left = wav.channel(0);
        short[] right = wav.channel(1);
        assertTrue(Goertzel.power(left, CALLER_HZ) > 10 * Goertzel.power(left, AGENT_HZ), "caller on the left");
        assertTrue(Goertzel.power(right, AGENT_HZ) > 10 * Goertzel.power(right, CALLER_HZ), "agent on the right");

        HttpResponse<byte[]> part = send(request(url).header("Range", "bytes=0-99").GET());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 0-99/" + whole.body().length, part.headers().firstValue("Content-Range").orElse(null));
        assertArrayEquals(Arrays.copyOf(whole.body(), 100), part.body());
    }

    private void assertTokenRequired() throws Exception {
        HttpRequest.Builder none = HttpRequest.newBuilder(api.resolve("/api/calls?live=false")).GET();
        assertEquals(401, http.send(none.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode(), "no token");
        HttpRequest.Builder wrong = HttpRequest.newBuilder(api.resolve("/api/calls?live=false"))
                .header("Authorization", "Bearer " + TOKEN + "x").GET();
        assertEquals(401, http.send(wrong.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode(), "wrong token");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(WAIT).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).GET());
    }

    private HttpResponse<byte[]> post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        JsonNode node = JSON.readTree(body);
        assertNotNull(node, body);
        return node;
    }

    /** A SIP Call-ID as one path segment. */
    private static String segment(String callId) {
        return URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
