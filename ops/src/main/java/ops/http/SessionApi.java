package ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/session}: the page signs in with a token once and from then on uses the cookie,
 * so the token is never kept by the browser nor put in a URL. Sign-in is the one {@code /api}
 * request without a caller; {@link AdminApi} hands it here before asking who is calling.
 */
final class SessionApi {
    static final String PATH = "/api/session";
    private static final Logger log = LoggerFactory.getLogger(SessionApi.class);

    private final Access access;
    private final SignInThrottle throttle;
    private final Supplier<List<String>> pauseReasons;
    private final LongSupplier clockMs;
    private final Consumer<String> endStreams;

    /** @param endStreams closes the event streams a session (by its nonce) has open, at its sign-out */
    SessionApi(Access access, SignInThrottle throttle, Supplier<List<String>> pauseReasons, LongSupplier clockMs,
               Consumer<String> endStreams) {
        this.access = access;
        this.throttle = throttle;
        this.pauseReasons = pauseReasons;
        this.clockMs = clockMs;
        this.endStreams = endStreams;
    }

    static boolean isSignIn(String method, String path) {
        return method.equals("POST") && path.equals(PATH);
    }

    void register(Routes routes) {
        routes.view("POST", PATH, r -> {
            throw new IllegalStateException("sign-in is answered by AdminApi before routing");
        }).view("GET", PATH, this::describe)
                .view("DELETE", PATH, this::signOut);
    }

    /** {@code POST /api/session {"token": "..."}} from {@code remote}: 204 and the cookie, or 401 and none. */
    ApiResponse signIn(Map<String, String> headers, byte[] body, String remote) {
        throttle.check(remote);
        Csrf.checkSignIn(headers);
        Role role = access.signIn(token(body));
        if (role == null) {
            throttle.failed(remote);
            // never the token: a near miss is still a secret
            log.info("sign-in from {} refused: wrong token", remote);
            throw new ApiException(401, "wrong token");
        }
        log.info("signed in from {} as {}", remote, SessionCookies.name(role));
        return noContent(access.cookies().issue(role));
    }

    /**
     * {@code DELETE /api/session}: clears the browser's cookie and, for a cookie caller, refuses
     * that cookie from now on (a copy of it too) and ends its open streams.
     */
    private ApiResponse signOut(ApiRequest r) {
        SessionCookies.Session session = r.caller().session();
        if (session != null) {
            access.signOut(session);
            endStreams.accept(session.nonce());
            log.info("signed out: a session of role {}", SessionCookies.name(session.role()));
        }
        return noContent(SessionCookies.cleared());
    }

    private ApiResponse describe(ApiRequest r) {
        SessionCookies.Session session = r.caller().session();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", SessionCookies.name(r.role()));
        // a bearer caller has no session, so nothing a CSRF token would protect
        body.put("csrf", session == null ? null : access.cookies().csrf(session));
        body.put("pauseReasons", pauseReasons.get());
        body.put("serverTimeMs", clockMs.getAsLong());
        body.put("zone", ZoneId.systemDefault().getId());
        return ApiResponse.ok(body);
    }

    private static String token(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        JsonNode token = node == null ? null : node.get("token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new ApiException(400, "body is not JSON of the form {\"token\": \"...\"}");
        }
        return token.asText();
    }

    private static ApiResponse noContent(String setCookie) {
        return new ApiResponse.Bytes(204, ResponseWriter.JSON, new byte[0], Map.of("Set-Cookie", setCookie));
    }
}
