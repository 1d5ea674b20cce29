package ops.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Cross-site request forgery checks for what the browser sends on its own: a cookie request
 * that changes something must carry the session's {@code X-CSRF-Token} (another site cannot
 * read it), and an {@code Origin}, when the browser sends one, must be this server. Bearer
 * requests are exempt: a browser never adds that header by itself.
 */
final class Csrf {
    static final String HEADER = "x-csrf-token";

    private Csrf() {
    }

    /** Throws 403 unless a cookie caller's POST/DELETE is same-origin and carries the right token. */
    static void check(String method, Map<String, String> headers, Access.Caller caller, SessionCookies cookies) {
        if (!caller.viaCookie() || method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        sameOrigin(headers);
        String sent = headers.get(HEADER);
        byte[] expected = cookies.csrf(caller.session()).getBytes(StandardCharsets.UTF_8);
        if (sent == null || !MessageDigest.isEqual(expected, sent.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "missing or wrong X-CSRF-Token header (GET /api/session hands it out)");
        }
    }

    /** Sign-in: a JSON body (a cross-site form cannot send one without a preflight) from this origin. */
    static void checkSignIn(Map<String, String> headers) {
        String type = headers.get("content-type");
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith(ResponseWriter.JSON)) {
            throw new ApiException(415, "sign-in needs 'Content-Type: application/json'");
        }
        sameOrigin(headers);
    }

    /** An {@code Origin}, when present, must be {@code http://<Host>}. */
    static void sameOrigin(Map<String, String> headers) {
        String origin = headers.get("origin");
        String host = headers.get("host");
        if (origin != null && (host == null || !origin.equals("http://" + host))) {
            throw new ApiException(403, "cross-origin request refused (Origin " + origin + ")");
        }
    }
}
