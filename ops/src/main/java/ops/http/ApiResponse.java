package ops.http;

import java.nio.file.Path;
import java.util.Map;

/** What a route handler answers; {@link ResponseWriter} turns it into HTTP. */
sealed interface ApiResponse {

    /** A value written as JSON. */
    record Json(int status, Object body) implements ApiResponse {
    }

    /** Text or bytes with their content type and extra headers (CSV, metrics). */
    record Bytes(int status, String contentType, byte[] body, Map<String, String> headers) implements ApiResponse {
    }

    /** A file streamed from disk, honouring a single HTTP Range, with extra headers (a download's name). */
    record File(Path path, String contentType, Map<String, String> headers) implements ApiResponse {
        File(Path path, String contentType) {
            this(path, contentType, Map.of());
        }
    }

    /**
     * A Server-Sent Events stream: the connection's last response, fed by {@code feed} until
     * closed; {@code session} is the caller's cookie nonce (null for a bearer caller), so a
     * sign-out can end it.
     */
    record Stream(LiveFeed feed, Role role, String session) implements ApiResponse {
    }

    static ApiResponse ok(Object body) {
        return new Json(200, body);
    }
}
