package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The wallboard token reads the live state and nothing else. The test walks the whole route
 * table, so a route added later is refused to a viewer unless it is on the list below.
 */
class ViewerTest {
    /** What a viewer may use (issue 16): the live state, never recordings, reports or actions. */
    private static final Set<String> VIEWABLE = Set.of("POST /api/session", "GET /api/session", "DELETE /api/session",
            "GET /api/events", "GET /api/queues", "GET /api/agents", "GET /api/agents/{id}", "GET /api/calls",
            "GET /api/calls/{id}", "GET /api/config/status");

    @Test
    void everyRouteOffTheViewerListIs403ToTheWallboardToken() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            List<String> wrong = new ArrayList<>();
            for (String route : rig.server.routeTable()) {
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(route.indexOf(' ') + 1);
                // /metrics has its own token; the events stream stays open, so it is not walked here
                if (template.equals(AdminApi.METRICS) || template.equals("/api/events")) {
                    continue;
                }
                HttpResponse<String> r = rig.send(HttpRequest.newBuilder(rig.uri(template.replaceAll("\\{\\w+}", "a")))
                        .header("Authorization", "Bearer " + AdminRig.VIEW_TOKEN)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                boolean refused = r.statusCode() == 403 && r.body().contains("read-only sign-in");
                if (refused == VIEWABLE.contains(route)) {
                    wrong.add(route + " -> " + r.statusCode() + " " + r.body());
                }
            }
            assertEquals(List.of(), wrong, "viewer routes refused, or admin routes let through");
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void aViewerCookieReadsTheQueuesButCannotAct() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String cookie = SessionTest.cookie(SessionTest.signIn(rig, AdminRig.VIEW_TOKEN));
            HttpResponse<String> queues = rig.send(SessionTest.withCookie(rig, cookie, "/api/queues").GET());
            assertEquals(200, queues.statusCode(), queues.body());
            HttpResponse<String> pause = rig.send(SessionTest.withCsrf(rig, cookie, "/api/agents/a/pause")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, pause.statusCode());
            assertTrue(pause.body().contains("read-only sign-in"), pause.body());
            assertEquals(List.of(), log.warnings());
        }
    }
}
