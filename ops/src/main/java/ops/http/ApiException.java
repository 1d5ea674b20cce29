package ops.http;

import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and a message for the admin that names the
 * bad parameter or id. Thrown by route handlers and turned into {@code {"error", "status"}};
 * never logged above DEBUG, since the fault is the caller's.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiException badParameter(String name, String value, String expected) {
        return new ApiException(400, "parameter '" + name + "' is '" + value + "': expected " + expected);
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(404, "no " + what + " '" + id + "'");
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
