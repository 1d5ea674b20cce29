package ops.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One route: an HTTP method and a path template whose {@code {name}} segments capture one path
 * segment each, and the least role that may use it. The route table is also what the OpenAPI
 * test checks the document against.
 */
record Route(String method, String template, Role role, Handler handler) {

    /** An admin-only route. */
    Route(String method, String template, Handler handler) {
        this(method, template, Role.ADMIN, handler);
    }

    /** Runs on a worker thread; may block on the core, the records or the disk. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    List<String> segments() {
        return split(template);
    }

    /** The captured path parameters when {@code path} fits the template, else null. */
    Map<String, String> match(List<String> pathSegments) {
        List<String> mine = segments();
        if (mine.size() != pathSegments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String t = mine.get(i);
            String p = pathSegments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (p.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return params;
    }

    static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", -1));
    }
}
