package ops.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The route table: finds the route for a method and path, or says why there is none (404, 405 with Allow). */
final class Routes {
    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, Route.Handler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    /** A read-only route that a viewer (the wallboard token) may use too. */
    Routes view(String method, String template, Route.Handler handler) {
        routes.add(new Route(method, template, Role.VIEWER, handler));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /** A route and its path parameters. */
    record Match(Route route, Map<String, String> pathParams) {
    }

    /** The route for {@code method} and the decoded {@code segments}; throws 404 or 405 when none fits. */
    Match find(String method, String path, List<String> segments) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(segments);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Match(r, params);
            }
            allowed.add(r.method());
        }
        if (allowed.isEmpty()) {
            throw new ApiException(404, "no such resource: " + path);
        }
        String allow = String.join(", ", allowed);
        throw new ApiException(405, method + " is not allowed on " + path + "; allowed: " + allow, Map.of("Allow", allow));
    }
}
