package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ops.records.QueueEvent;
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
    void aViewerSeesCallsWithMaskedNumbersAndCannotSearchByNumber() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            rig.live.add(new LiveCall("live-1", LiveCall.Phase.QUEUED, "sales", null, "+3725551234", "5000",
                    AdminRig.T0, AdminRig.T0));
            rig.records.calls.add(Fakes.record("done-1", AdminRig.T0, "sales", "a", "ANSWERED", null, null));
            rig.records.events.put("done-1", List.of(new QueueEvent(AdminRig.T0, "done-1", "sales", null,
                    "ENTERQUEUE", List.of("", "+3725550000", "1"))));
            List<String> bodies = new ArrayList<>();
            for (String path : List.of("/api/calls", "/api/calls/live-1", "/api/calls?live=false", "/api/calls/done-1")) {
                HttpResponse<String> r = asViewer(rig, path);
                assertEquals(200, r.statusCode(), path + " " + r.body());
                bodies.add(r.body());
            }
            assertTrue(bodies.get(0).contains("•••1234") && bodies.get(1).contains("•••1234"), bodies.toString());
            assertTrue(bodies.get(2).contains("•••0000") && bodies.get(3).contains("•••0000"), bodies.toString());
            bodies.forEach(b -> assertFalse(b.contains("+37255") || b.contains("Mari"), b));
            assertEquals(403, asViewer(rig, "/api/calls?number=%2B3725550000").statusCode());
            assertTrue(rig.get("/api/calls/done-1").body().contains("+3725550000"), "the admin sees the number");
            assertEquals(List.of(), log.warnings());
        }
    }

    private static HttpResponse<String> asViewer(AdminRig rig, String path) throws Exception {
        return rig.send(HttpRequest.newBuilder(rig.uri(path)).header("Authorization", "Bearer " + AdminRig.VIEW_TOKEN)
                .GET());
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
