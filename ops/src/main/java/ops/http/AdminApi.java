package ops.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The API without the network: serves the page's files, finds who is asking, finds the route,
 * checks the caller's role and, for the page's cookie, the CSRF token, and runs the handler.
 * Every {@code /api} path but the sign-in needs a caller, unknown ones too, so nobody learns
 * the route table without one; {@code /metrics} needs the metrics token when one is set; the
 * page's files (any other GET) need nothing, as they hold no data.
 */
final class AdminApi {
    static final String METRICS = "/metrics";

    private final Routes routes;
    private final Access access;
    private final SessionApi sessions;
    private final BearerAuth metricsAuth;
    private final WebAssets page;

    AdminApi(Routes routes, Access access, SessionApi sessions, BearerAuth metricsAuth, WebAssets page) {
        this.routes = routes;
        this.access = access;
        this.sessions = sessions;
        this.metricsAuth = metricsAuth;
        this.page = page;
    }

    List<Route> routes() {
        return routes.all();
    }

    /** Answers one request from {@code remote} (an address), or throws the {@link ApiException} that refuses it. */
    ApiResponse handle(String method, String uri, Map<String, String> headers, byte[] body, String remote)
            throws Exception {
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        String path = decoded.path();
        if (WebAssets.isPage(method, path)) {
            return page.get(path, headers.get("if-none-match"));
        }
        if (SessionApi.isSignIn(method, path)) {
            return sessions.signIn(headers, body, remote);
        }
        Access.Caller caller;
        if (path.equals(METRICS)) {
            if (!metricsAuth.allows(headers.get("authorization"))) {
                throw new ApiException(401, "a valid 'Authorization: Bearer <token>' header is required", Access.CHALLENGE);
            }
            caller = new Access.Caller(Role.ADMIN, null);
        } else {
            caller = access.resolve(headers);
        }
        // split before decoding, so an id holding an encoded '/' stays one segment
        List<String> segments = Route.split(decoded.rawPath()).stream()
                .map(QueryStringDecoder::decodeComponent).toList();
        Routes.Match match = routes.find(method, path, segments);
        Route route = match.route();
        if (!caller.role().may(route.role())) {
            throw new ApiException(403, "read-only sign-in: " + route.method() + " " + route.template()
                    + " needs the admin token");
        }
        Csrf.check(method, headers, caller, access.cookies());
        ApiRequest request = new ApiRequest(method, path, decoded.parameters(), match.pathParams(), headers, body,
                caller);
        return route.handler().handle(request);
    }
}
