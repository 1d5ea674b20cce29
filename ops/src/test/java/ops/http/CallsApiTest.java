package ops.http;

import static ops.http.AgentsApiTest.assertError;
import static ops.http.AgentsApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import ops.records.QueueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live calls from the gateway port and the core, finished calls from the records. */
class CallsApiTest {
    private static final long HOUR = 3_600_000L;
    private AdminRig rig;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        rig = new AdminRig().online("a");
        log = new LogCapture();
        for (int i = 0; i < 7; i++) {
            String queue = i % 2 == 0 ? "sales" : "support";
            rig.records.calls.add(Fakes.record("done" + i, AdminRig.T0 - (7 - i) * HOUR, queue, i < 5 ? "a" : null,
                    i < 5 ? "answered" : "abandoned_in_queue", null, null));
        }
        rig.records.events.put("done6", List.of(new QueueEvent(AdminRig.T0 - HOUR, "done6", "sales", null, "ENTERQUEUE",
                List.of("", "+3725550000", "1"))));
    }

    @AfterEach
    void stop() {
        rig.closeQuiet(log);
    }

    @Test
    void withoutSearchParametersTheListIsTheLiveCalls() throws Exception {
        rig.live.add(new LiveCall("ivr1", LiveCall.Phase.IVR, null, null, "+3725551111", "+3726000000", AdminRig.T0, AdminRig.T0));
        JsonNode r = json(rig.get("/api/calls"), 200);
        assertTrue(r.get("live").asBoolean());
        assertEquals(1, r.get("calls").size());
        assertEquals("IVR", r.get("calls").get(0).get("phase").asText());
        assertEquals(AdminRig.T0, r.get("calls").get(0).get("sinceMs").asLong());
        assertEquals(1, json(rig.get("/api/calls?live=true"), 200).get("calls").size());
    }

    @Test
    void searchParametersOrLiveFalseListFinishedCallsNewestFirstInPages() throws Exception {
        JsonNode first = json(rig.get("/api/calls?limit=3"), 200);
        assertFalse(first.get("live").asBoolean());
        assertEquals(List.of("done6", "done5", "done4"), ids(first));
        assertTrue(first.get("more").asBoolean());
        JsonNode last = json(rig.get("/api/calls?limit=3&offset=6"), 200);
        assertEquals(List.of("done0"), ids(last));
        assertFalse(last.get("more").asBoolean());
        assertEquals(7, json(rig.get("/api/calls?live=false"), 200).get("calls").size());
        assertEquals(List.of("done6", "done4", "done2", "done0"), ids(json(rig.get("/api/calls?queue=sales"), 200)));
        assertEquals(List.of("done6", "done5"), ids(json(rig.get("/api/calls?outcome=abandoned_in_queue"), 200)));
    }

    @Test
    void fromAndToBoundTheArrivalAndTakeDatesAndZones() throws Exception {
        // done4 arrived 06:00Z, done5 07:00Z, done6 08:00Z: [07:00Z, 08:00Z) is done5 alone
        assertEquals(List.of("done5"), ids(json(rig.get("/api/calls?from=2026-01-01T07:00:00Z&to=2026-01-01T08:00:00Z"), 200)));
        assertEquals(List.of("done5"), ids(json(rig.get(
                "/api/calls?from=2026-01-01T09:00&to=2026-01-01T10:00&zone=Europe/Tallinn"), 200)));
        assertEquals(List.of("done5"), ids(json(rig.get("/api/calls?from=2026-01-01T09:00%2B02:00&to=2026-01-01T10:00%2B02:00"), 200)));
    }

    @Test
    void badSearchParametersAre400NamingParameterAndValue() throws Exception {
        assertError(rig.get("/api/calls?limit=abc"), 400, "parameter 'limit' is 'abc'");
        assertError(rig.get("/api/calls?limit=0"), 400, "parameter 'limit' is '0'");
        assertError(rig.get("/api/calls?offset=-1"), 400, "parameter 'offset' is '-1'");
        assertError(rig.get("/api/calls?from=yesterday"), 400, "parameter 'from' is 'yesterday'");
        assertError(rig.get("/api/calls?from=2026-01-02&to=2026-01-01"), 400, "parameter 'from'");
        assertError(rig.get("/api/calls?zone=Mars/Olympus&from=2026-01-01"), 400, "parameter 'zone' is 'Mars/Olympus'");
        assertError(rig.get("/api/calls?live=maybe"), 400, "parameter 'live' is 'maybe'");
        assertError(rig.get("/api/calls?live=true&queue=sales"), 400, "parameter 'queue' searches finished calls");
    }

    @Test
    void oneCallIsLiveWithTheCoresViewOrFinishedWithItsEvents() throws Exception {
        rig.enqueue("c1", "sales");
        rig.clock.addAndGet(3000);
        rig.live.add(new LiveCall("c1", LiveCall.Phase.RINGING, "sales", "a", "+3725551111", "+3726000000", AdminRig.T0, AdminRig.T0));
        JsonNode live = json(rig.get("/api/calls/c1"), 200);
        assertTrue(live.get("live").asBoolean());
        assertEquals("RINGING", live.get("call").get("phase").asText());
        assertEquals("RINGING_AGENT", live.get("queue").get("state").asText());
        assertEquals(3000, live.get("queue").get("waitMs").asLong());

        JsonNode done = json(rig.get("/api/calls/done6"), 200);
        assertFalse(done.get("live").asBoolean());
        assertEquals("abandoned_in_queue", done.get("record").get("outcome").asText());
        assertEquals("ENTERQUEUE", done.get("events").get(0).get("event").asText());
        assertError(rig.get("/api/calls/nope"), 404, "no call 'nope'");
    }

    @Test
    void deleteHangsUpALiveCallThroughTheGatewayAnd404sOtherwise() throws Exception {
        rig.live.add(new LiveCall("c9", LiveCall.Phase.BRIDGED, "sales", "a", "+3725551111", "+3726000000", AdminRig.T0, AdminRig.T0));
        JsonNode r = json(rig.delete("/api/calls/c9"), 202);
        assertTrue(r.get("hangingUp").asBoolean());
        assertEquals(List.of("c9"), rig.live.hungUp);
        assertError(rig.delete("/api/calls/c9"), 404, "no live call 'c9'");
        assertError(rig.delete("/api/calls/done6"), 404, "no live call 'done6'");
    }

    @Test
    void queuesShowLinesAgentsByStatusAndStateAndCallersInOrder() throws Exception {
        rig.enqueue("q1", "sales");
        rig.clock.addAndGet(1000);
        rig.enqueue("q2", "sales");
        rig.clock.addAndGet(1000);
        rig.live.add(new LiveCall("q2", LiveCall.Phase.QUEUED, "sales", null, "+3725552222", "+3726000000", AdminRig.T0, AdminRig.T0));
        rig.live.add(new LiveCall("q1", LiveCall.Phase.RINGING, "sales", "a", "+3725551111", "+3726000000", AdminRig.T0, AdminRig.T0));
        JsonNode sales = json(rig.get("/api/queues"), 200).get(0);
        assertEquals("sales", sales.get("id").asText());
        assertEquals("help", sales.get("department").asText());
        assertEquals(1, sales.get("waiting").asInt());
        assertEquals(1, sales.get("ringing").asInt());
        assertEquals(2000, sales.get("longestWaitMs").asLong());
        assertEquals(1, sales.get("agentsByStatus").get("AVAILABLE").asInt());
        assertEquals(1, sales.get("agentsByStatus").get("LOGGED_OUT").asInt());
        assertEquals(1, sales.get("agentsByState").get("RINGING").asInt());
        JsonNode callers = sales.get("callers");
        assertEquals("q1", callers.get(0).get("callId").asText());
        assertTrue(callers.get(0).get("ringing").asBoolean());
        assertEquals("q2", callers.get(1).get("callId").asText());
        assertEquals(1000, callers.get(1).get("waitMs").asLong());
    }

    @Test
    void eachQueuesBoardCountsAnAgentOnceAsTheWallboardDoesPausedOverIdle() throws Exception {
        rig.online("b", "c");
        rig.core.pause("b", "lunch");
        rig.enqueue("q1", "sales");
        rig.enqueue("q2", "support");
        rig.core.answered("q2", "c");
        rig.core.pause("c", "break");
        assertEquals(List.of("a", "c"), rig.rings(), "b is paused; a and c are rung");
        JsonNode queues = json(rig.get("/api/queues"), 200);
        JsonNode sales = queues.get(0);
        assertEquals(board(0, 1, 0, 0, 1), sales.get("board"), "a ringing, b paused (not idle)");
        assertEquals(1, sales.get("agentsByState").get("IDLE").asInt(), "by state, b is idle: unchanged for the API");
        assertEquals(1, sales.get("agentsByStatus").get("PAUSED").asInt());
        assertEquals(board(0, 0, 1, 0, 0), queues.get(1).get("board"), "a call's state wins: c is on a call");
        JsonNode agents = json(rig.get("/api/agents"), 200);
        assertEquals(List.of("ringing", "paused", "onCall"), List.of(agents.get(0).get("board").asText(),
                agents.get(1).get("board").asText(), agents.get(2).get("board").asText()));

        rig.core.logout("b");
        assertEquals(board(0, 1, 0, 0, 0), json(rig.get("/api/queues"), 200).get(0).get("board"), "logged out: not counted");
        assertTrue(json(rig.get("/api/agents/b"), 200).get("board").isNull());
    }

    @Test
    void anAgentOnACallOfTheirOwnIsOnACallAndOneWithNoPhoneIsNotIdle() throws Exception {
        rig.online("a", "b", "c");
        rig.core.ownCall("a", "own-1", true);
        rig.core.reachable("b", false);
        JsonNode sales = json(rig.get("/api/queues"), 200).get(0);
        assertEquals(boardWith(0, 0, 1, 0, 0, 1), sales.get("board"), "a on their own call, b with no phone");
        assertEquals(boardWith(1, 0, 0, 0, 0, 0), json(rig.get("/api/queues"), 200).get(1).get("board"), "c idle");
        JsonNode agents = json(rig.get("/api/agents"), 200);
        assertEquals(List.of("onCall", "noPhone", "idle"), List.of(agents.get(0).get("board").asText(),
                agents.get(1).get("board").asText(), agents.get(2).get("board").asText()));

        rig.core.ownCall("a", "own-1", false);
        assertEquals(boardWith(1, 0, 0, 0, 0, 1), json(rig.get("/api/queues"), 200).get(0).get("board"));
    }

    private static JsonNode board(int idle, int ringing, int onCall, int wrapUp, int paused) throws Exception {
        return boardWith(idle, ringing, onCall, wrapUp, paused, 0);
    }

    private static JsonNode boardWith(int idle, int ringing, int onCall, int wrapUp, int paused, int noPhone)
            throws Exception {
        return Json.MAPPER.readTree(("{\"idle\":%d,\"ringing\":%d,\"onCall\":%d,\"wrapUp\":%d,\"paused\":%d,"
                + "\"noPhone\":%d}").formatted(idle, ringing, onCall, wrapUp, paused, noPhone));
    }

    private static List<String> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("calls").spliterator(), false)
                .map(c -> c.get("callId").asText()).toList();
    }
}
