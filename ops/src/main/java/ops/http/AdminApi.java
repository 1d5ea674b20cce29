package ops.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The API without the network: serves the page's files, checks the token, finds the route and
 * runs its handler. Every {@code /api} path needs the API token, unknown ones too, so nobody
 * learns the route table without it; {@code /metrics} needs the metrics token when one is set;
 * the page's files (any other GET) need nothing, as they hold no data.
 */
final class AdminApi {
    static final String METRICS = "/metrics";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"acd\"");

    private final Routes routes;
    private final BearerAuth apiAuth;
    private final BearerAuth metricsAuth;
    private final WebAssets page;

    AdminApi(Routes routes, BearerAuth apiAuth, BearerAuth metricsAuth, WebAssets page) {
        this.routes = routes;
        this.apiAuth = apiAuth;
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
        BearerAuth auth = path.equals(METRICS) ? metricsAuth : apiAuth;
        if (!auth.allows(headers.get("authorization"))) {
            throw new ApiException(401, "a valid 'Authorization: Bearer <token>' header is required", CHALLENGE);
        }
        // split before decoding, so an id holding an encoded '/' stays one segment
        List<String> segments = Route.split(decoded.rawPath()).stream()
                .map(QueryStringDecoder::decodeComponent).toList();
        Routes.Match match = routes.find(method, path, segments);
        ApiRequest request = new ApiRequest(method, path, decoded.parameters(), match.pathParams(), headers, body,
                Role.ADMIN);
        return match.route().handler().handle(request);
    }
}
