package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents against a real core: what the API changes is what the core routes by. */
class AgentsApiTest {
    private AdminRig rig;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        rig = new AdminRig().online("a", "b");
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        rig.closeQuiet(log);
    }

    @Test
    void listsAgentsWithStatusStateQueuesAndContacts() throws Exception {
        JsonNode agents = json(rig.get("/api/agents"), 200);
        assertEquals(3, agents.size());
        JsonNode a = agents.get(0);
        assertEquals("a", a.get("id").asText());
        assertEquals("AVAILABLE", a.get("status").asText());
        assertEquals("IDLE", a.get("state").asText());
        assertTrue(a.get("reachable").asBoolean());
        assertEquals("sales", a.get("queues").get(0).asText());
        assertEquals("sip:a@10.0.0.5:5062", a.get("contacts").get(0).asText());
        assertEquals("LOGGED_OUT", json(rig.get("/api/agents/c"), 200).get("status").asText());
    }

    @Test
    void pauseWithAReasonKeepsTheNextCallAwayAndUnpauseBringsItBack() throws Exception {
        JsonNode paused = json(rig.post("/api/agents/a/pause", "{\"reason\": \"lunch\"}"), 200);
        assertEquals("PAUSED", paused.get("status").asText());
        assertEquals("lunch", paused.get("reason").asText());

        rig.enqueue("c1", "sales");
        assertEquals(List.of("b"), rig.rings(), "a is paused, so b (priority 2) is rung");

        JsonNode back = json(rig.post("/api/agents/a/unpause", null), 200);
        assertEquals("AVAILABLE", back.get("status").asText());
        rig.enqueue("c2", "sales");
        assertEquals(List.of("a"), rig.rings(), "a takes calls again");
    }

    @Test
    void pauseTakesTheReasonFromTheQueryToo() throws Exception {
        assertEquals("coaching", json(rig.post("/api/agents/b/pause?reason=coaching", null), 200).get("reason").asText());
        assertEquals("paused", json(rig.post("/api/agents/a/pause", null), 200).get("reason").asText());
    }

    @Test
    void loginAndLogoutChangeTheStatusAndRepeatingThemChangesNothing() throws Exception {
        assertEquals("AVAILABLE", json(rig.post("/api/agents/c/login", null), 200).get("status").asText());
        assertEquals("AVAILABLE", json(rig.post("/api/agents/c/login", null), 200).get("status").asText());
        assertEquals("LOGGED_OUT", json(rig.post("/api/agents/c/logout", null), 200).get("status").asText());
        assertEquals("LOGGED_OUT", json(rig.post("/api/agents/c/logout", null), 200).get("status").asText());
    }

    @Test
    void pausingOrUnpausingALoggedOutAgentIs409AndChangesNothing() throws Exception {
        assertError(rig.post("/api/agents/c/pause", "{\"reason\":\"lunch\"}"), 409, "agent 'c' is logged out");
        assertError(rig.post("/api/agents/c/unpause", null), 409, "agent 'c' is logged out");
        assertEquals("LOGGED_OUT", json(rig.get("/api/agents/c"), 200).get("status").asText());
    }

    @Test
    void unknownAgentIs404() throws Exception {
        assertError(rig.get("/api/agents/zed"), 404, "no agent 'zed'");
        assertError(rig.post("/api/agents/zed/pause", null), 404, "no agent 'zed'");
    }

    @Test
    void aBadBodyOrReasonIs400NamingIt() throws Exception {
        assertError(rig.post("/api/agents/a/pause", "{reason: lunch"), 400, "body is not JSON");
        assertError(rig.post("/api/agents/a/pause", "{\"reason\": 5}"), 400, "parameter 'reason' is '5'");
        assertError(rig.post("/api/agents/a/pause", "{\"reason\": \"" + "x".repeat(201) + "\"}"), 400, "parameter 'reason'");
        assertEquals("AVAILABLE", json(rig.get("/api/agents/a"), 200).get("status").asText());
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = rig.get("/api/agents/a/pause");
        assertError(r, 405, "GET is not allowed on /api/agents/a/pause");
        assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
        assertEquals("GET", rig.delete("/api/agents").headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aBodyOver64KiBIs413AndTheConnectionServesOn() throws Exception {
        String big = "{\"reason\": \"" + "x".repeat(AdminServer.MAX_BODY_BYTES) + "\"}";
        assertError(rig.post("/api/agents/a/pause", big), 413, "request body over 65536 bytes");
        assertEquals("AVAILABLE", json(rig.get("/api/agents/a"), 200).get("status").asText());
    }

    @Test
    void unknownPathIs404AsJson() throws Exception {
        assertError(rig.get("/api/agentz"), 404, "no such resource: /api/agentz");
        assertError(rig.send(rig.request("/api").GET()), 404, "no such resource: /api");
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        return Json.MAPPER.readTree(r.body());
    }

    /** The error shape: {"error": "...", "status": N}, and nothing else. */
    static void assertError(HttpResponse<String> r, int status, String text) throws Exception {
        JsonNode body = json(r, status);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("error").asText().contains(text), body.get("error").asText());
        assertEquals(2, body.size(), r.body());
    }
}
