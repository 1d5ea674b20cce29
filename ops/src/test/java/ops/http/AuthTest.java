package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every path but /metrics needs the API token; /metrics needs the metrics token only when one is set. */
class AuthTest {

    @Test
    void noTokenWrongTokenAndWrongSchemeAre401WithAChallengeAndTheRightOneIsLetIn() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String wrong = "s3cret-admin-token-0123456780";
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents")).GET()));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents")).header("Authorization", "Bearer " + wrong)));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents")).header("Authorization", "Bearer x")));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents")).header("Authorization", AdminRig.TOKEN)));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/nothing/here")).GET()));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents/a/pause"))
                    .header("Authorization", "Bearer " + wrong).POST(HttpRequest.BodyPublishers.noBody())));
            assertEquals(200, rig.get("/api/agents").statusCode());
            assertEquals(200, rig.send(HttpRequest.newBuilder(rig.uri("/api/agents"))
                    .header("Authorization", "bearer " + AdminRig.TOKEN)).statusCode(), "the scheme is case-insensitive");

            assertTrue(log.messages().stream().anyMatch(m -> m.contains("no valid token or session")), log.messages().toString());
            for (String m : log.messages()) {
                assertFalse(m.contains(AdminRig.TOKEN) || m.contains(wrong), "a token reached the log: " + m);
            }
            assertEquals(java.util.List.of(), log.warnings());
        }
    }

    @Test
    void metricsAreOpenWithoutAMetricsToken() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            HttpResponse<String> r = rig.send(HttpRequest.newBuilder(rig.uri("/metrics")).GET());
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("acd_calls_total{queue=\"sales\"} 3.0\n", r.body());
        }
    }

    @Test
    void metricsNeedTheMetricsTokenWhenOneIsSet() throws Exception {
        try (AdminRig rig = new AdminRig("scrape-token"); LogCapture log = new LogCapture()) {
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/metrics")).GET()));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/metrics")).header("Authorization", "Bearer " + AdminRig.TOKEN)));
            HttpResponse<String> ok = rig.send(HttpRequest.newBuilder(rig.uri("/metrics")).header("Authorization", "Bearer scrape-token"));
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("acd_calls_total"));
            assertUnauthorized(rig.send(HttpRequest.newBuilder(rig.uri("/api/agents")).header("Authorization", "Bearer scrape-token")));
            assertEquals(java.util.List.of(), log.warnings());
        }
    }

    static void assertUnauthorized(HttpResponse<String> r) throws Exception {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("Bearer realm=\"acd\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(401, body.get("status").asInt());
        assertTrue(body.get("error").asText().contains("Bearer"));
    }
}
