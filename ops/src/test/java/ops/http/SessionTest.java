package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import ops.records.Storage;
import ops.sessions.SignedOutSessions;
import ops.testkit.SseClient;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The page's sign-in: a signed cookie for a token, a CSRF token for what the cookie changes, throttled guessing. */
class SessionTest {

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatGetSessionDescribes() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            HttpResponse<String> in = signIn(rig, AdminRig.TOKEN);
            assertEquals(204, in.statusCode(), in.body());
            String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.startsWith("acd_session=v1.admin."), setCookie);
            for (String attribute : List.of("; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200")) {
                assertTrue(setCookie.contains(attribute), setCookie + " lacks " + attribute);
            }
            assertFalse(setCookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back");

            JsonNode session = json(withCookie(rig, cookie(in), "/api/session").GET(), rig, 200);
            assertEquals("admin", session.get("role").asText());
            assertFalse(session.get("csrf").asText().isEmpty());
            assertEquals(List.of("break", "lunch"), List.of(session.get("pauseReasons").get(0).asText(),
                    session.get("pauseReasons").get(1).asText()));
            assertTrue(session.get("serverTimeMs").asLong() > AdminRig.T0);
            assertFalse(session.get("zone").asText().isEmpty());
            assertEquals(200, rig.send(withCookie(rig, cookie(in), "/api/recordings").GET()).statusCode());
            for (String m : log.messages()) {
                assertFalse(m.contains(AdminRig.TOKEN), "the token reached the log: " + m);
            }
        }
    }

    @Test
    void theWallboardTokenSignsInAsAViewerForThirtyDays() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            HttpResponse<String> in = signIn(rig, AdminRig.VIEW_TOKEN);
            assertEquals(204, in.statusCode(), in.body());
            assertTrue(in.headers().firstValue("Set-Cookie").orElseThrow().contains("; Max-Age=2592000"));
            assertEquals("viewer", json(withCookie(rig, cookie(in), "/api/session").GET(), rig, 200).get("role").asText());
            assertEquals(200, rig.send(withCookie(rig, cookie(in), "/api/queues").GET()).statusCode());
            assertEquals(403, rig.send(withCookie(rig, cookie(in), "/api/recordings").GET()).statusCode());
        }
    }

    @Test
    void aWrongTokenIs401WithoutACookieAndFiveFailuresAMinuteAre429() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String wrong = "not-the-token-0123456789";
            for (int i = 0; i < SignInThrottle.LIMIT; i++) {
                HttpResponse<String> r = signIn(rig, wrong);
                assertEquals(401, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
            }
            HttpResponse<String> held = signIn(rig, AdminRig.TOKEN);
            assertEquals(429, held.statusCode(), "even the right token waits out the minute");
            assertTrue(Integer.parseInt(held.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(held.headers().firstValue("Set-Cookie").isEmpty());
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("INFO sign-in from") && m.contains("refused")),
                    log.messages().toString());
            for (String m : log.messages()) {
                assertFalse(m.contains(wrong) || m.contains(AdminRig.TOKEN), "a token reached the log: " + m);
            }
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        }
    }

    @Test
    void signInNeedsAJsonBodyFromThisOrigin() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String body = "{\"token\":\"" + AdminRig.TOKEN + "\"}";
            assertEquals(415, rig.send(HttpRequest.newBuilder(rig.uri("/api/session")).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
            assertEquals(403, rig.send(signInRequest(rig, AdminRig.TOKEN).header("Origin", "http://evil.example")).statusCode());
            assertEquals(204, rig.send(signInRequest(rig, AdminRig.TOKEN).header("Origin", origin(rig))).statusCode());
            assertEquals(400, rig.send(HttpRequest.newBuilder(rig.uri("/api/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"password\":1}"))).statusCode());
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        }
    }

    @Test
    void aTamperedExpiredOrOtherKeyedCookieIs401AndAnotherInstanceWithTheSameTokenIsTrusted() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            long now = System.currentTimeMillis();
            String good = value(new SessionCookies(AdminRig.TOKEN, AdminRig.VIEW_TOKEN, () -> now).issue(Role.ADMIN));
            assertEquals(200, rig.send(withCookie(rig, good, "/api/agents").GET()).statusCode(), "survives a restart");

            String viewer = value(new SessionCookies(AdminRig.TOKEN, AdminRig.VIEW_TOKEN, () -> now).issue(Role.VIEWER));
            String promoted = viewer.replace("v1.viewer.", "v1.admin.");
            String expired = value(new SessionCookies(AdminRig.TOKEN, AdminRig.VIEW_TOKEN, () -> now - 13 * 3_600_000L)
                    .issue(Role.ADMIN));
            String otherKey = value(new SessionCookies(AdminRig.VIEW_TOKEN, AdminRig.TOKEN, () -> now).issue(Role.ADMIN));
            String changedToken = value(new SessionCookies("the-old-admin-token", null, () -> now).issue(Role.ADMIN));
            String longer = good.replaceFirst("\\.(\\d+)\\.", ".9$1.");
            for (String bad : List.of(promoted, expired, otherKey, changedToken, longer, good + "x", "v1.admin", "")) {
                AuthTest.assertUnauthorized(rig.send(withCookie(rig, bad, "/api/agents").GET()));
            }
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        }
    }

    @Test
    void signingOutClearsTheCookieAndRefusesACopyOfItOnTheApiAndTheStreamButNotOtherSessions() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String cookie = cookie(signIn(rig, AdminRig.TOKEN));
            String other = cookie(signIn(rig, AdminRig.TOKEN));
            String viewer = cookie(signIn(rig, AdminRig.VIEW_TOKEN));
            String csrf = csrf(rig, cookie);
            LiveFeed feed = rig.server.live();
            try (SseClient open = SseClient.withCookie(rig.server.port(), "/api/events", cookie);
                 SseClient others = SseClient.withCookie(rig.server.port(), "/api/events", other)) {
                open.next("snapshot");
                others.next("snapshot");
                HttpResponse<String> out = rig.send(withCookie(rig, cookie, "/api/session").header("X-CSRF-Token", csrf)
                        .DELETE());
                assertEquals(204, out.statusCode(), out.body());
                String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
                assertTrue(cleared.startsWith("acd_session=;") && cleared.contains("; Max-Age=0"), cleared);
                EventStreamTest.await(() -> feed.subscribers() == 1, "the signed-out session's stream ended");

                for (String path : List.of("/api/agents", "/api/session", "/api/queues")) {
                    AuthTest.assertUnauthorized(rig.send(withCookie(rig, cookie, path).GET()));
                }
                AuthTest.assertUnauthorized(rig.send(withCookie(rig, cookie, "/api/session").header("X-CSRF-Token", csrf)
                        .DELETE()));
                try (SseClient replayed = SseClient.withCookie(rig.server.port(), "/api/events", cookie)) {
                    assertEquals(401, replayed.status);
                }
                assertEquals(200, rig.send(withCookie(rig, other, "/api/agents").GET()).statusCode(), "another session");
                assertEquals(200, rig.send(withCookie(rig, viewer, "/api/queues").GET()).statusCode(), "a viewer's");
                assertEquals(1, feed.subscribers(), "another session's stream stays open");
            }
            assertTrue(log.messages().contains("INFO signed out: a session of role admin"), log.messages().toString());
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        }
    }

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void aSignOutIsStillRefusedAfterARestart(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            SignedOutSessions kept = SignedOutSessions.in(Storage.open(db.settings("acd1")));
            String cookie;
            String other;
            try (AdminRig rig = new AdminRig(null, 0, kept)) {
                cookie = cookie(signIn(rig, AdminRig.TOKEN));
                other = cookie(signIn(rig, AdminRig.VIEW_TOKEN));
                assertEquals(204, rig.send(withCsrf(rig, cookie, "/api/session").DELETE()).statusCode());
            }
            try (AdminRig rig = new AdminRig(null, 0, kept); LogCapture log = new LogCapture()) {
                AuthTest.assertUnauthorized(rig.send(withCookie(rig, cookie, "/api/agents").GET()));
                assertEquals(200, rig.send(withCookie(rig, other, "/api/queues").GET()).statusCode());
                assertEquals(List.of(), log.warnings());
            }
        }
    }

    @Test
    void aCookiePostNeedsTheSessionsCsrfTokenFromThisOriginAndABearerOneDoesNot() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            String cookie = cookie(signIn(rig, AdminRig.TOKEN));
            HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
            assertEquals(403, rig.send(withCookie(rig, cookie, "/api/config/reload").POST(none)).statusCode());
            assertEquals(403, rig.send(withCookie(rig, cookie, "/api/config/reload").header("X-CSRF-Token", "wrong")
                    .POST(none)).statusCode());
            String otherSession = csrf(rig, cookie(signIn(rig, AdminRig.TOKEN)));
            assertEquals(403, rig.send(withCookie(rig, cookie, "/api/config/reload").header("X-CSRF-Token", otherSession)
                    .POST(none)).statusCode(), "another session's token");
            assertEquals(403, rig.send(withCsrf(rig, cookie, "/api/config/reload").header("Origin", "http://evil.example")
                    .POST(none)).statusCode());
            assertEquals(200, rig.send(withCsrf(rig, cookie, "/api/config/reload").POST(none)).statusCode());
            assertEquals(200, rig.send(withCsrf(rig, cookie, "/api/config/reload").header("Origin", origin(rig))
                    .POST(none)).statusCode());
            assertEquals(200, rig.post("/api/config/reload", null).statusCode(), "bearer: no CSRF token needed");
            assertTrue(json(rig.request("/api/session").GET(), rig, 200).get("csrf").isNull());
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        }
    }

    static HttpRequest.Builder signInRequest(AdminRig rig, String token) {
        return HttpRequest.newBuilder(rig.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
    }

    static HttpResponse<String> signIn(AdminRig rig, String token) throws Exception {
        return rig.send(signInRequest(rig, token));
    }

    /** The {@code name=value} of a response's Set-Cookie. */
    static String cookie(HttpResponse<String> signedIn) {
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static HttpRequest.Builder withCookie(AdminRig rig, String cookie, String path) {
        String pair = cookie.startsWith(SessionCookies.NAME + "=") ? cookie : SessionCookies.NAME + "=" + cookie;
        return HttpRequest.newBuilder(rig.uri(path)).header("Cookie", "theme=dark; " + pair);
    }

    static HttpRequest.Builder withCsrf(AdminRig rig, String cookie, String path) throws Exception {
        return withCookie(rig, cookie, path).header("X-CSRF-Token", csrf(rig, cookie));
    }

    static String csrf(AdminRig rig, String cookie) throws Exception {
        return json(withCookie(rig, cookie, "/api/session").GET(), rig, 200).get("csrf").asText();
    }

    static String origin(AdminRig rig) {
        return "http://127.0.0.1:" + rig.server.port();
    }

    private static String value(String setCookie) {
        return setCookie.substring(SessionCookies.NAME.length() + 1, setCookie.indexOf(';'));
    }

    private static JsonNode json(HttpRequest.Builder request, AdminRig rig, int status) throws Exception {
        return AgentsApiTest.json(rig.send(request), status);
    }
}
