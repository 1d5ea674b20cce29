package ops.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The supervisor page's files, served from the classpath without a token: they hold no data,
 * every figure comes from the API after sign-in. Each file is read once and kept with a strong
 * ETag, so a wall screen reloading the page gets 304s. The page may only load its own scripts,
 * styles and media (CSP), and may not be framed.
 */
final class WebAssets {
    /** Where the page's files live on the classpath. */
    static final String ROOT = "/web";
    /** The charting library's WebJar, served as /vendor/uplot/... */
    static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist";

    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "json", "application/json");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private record Asset(String type, byte[] bytes, String etag) {
    }

    private final Map<String, String> mounts;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** {@code mounts}: URL prefix to classpath directory, the longest prefix first. */
    WebAssets(Map<String, String> mounts) {
        this.mounts = new LinkedHashMap<>(mounts);
    }

    static WebAssets page() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/vendor/uplot", UPLOT);
        m.put("", ROOT);
        return new WebAssets(m);
    }

    /** Whether a GET of {@code path} is for the page rather than the API or the scrape. */
    static boolean isPage(String method, String path) {
        return method.equals("GET") && !path.equals(AdminApi.METRICS) && !path.equals("/api") && !path.startsWith("/api/");
    }

    /** The file, a 304 when the browser's copy is current, or a 404. */
    ApiResponse get(String path, String ifNoneMatch) {
        String p = path.equals("/") ? "/index.html" : path;
        Asset a = cache.computeIfAbsent(p, this::load)
                .orElseThrow(() -> new ApiException(404, "no such page: " + path));
        Map<String, String> headers = headers(a.etag());
        if (a.etag().equals(ifNoneMatch)) {
            return new ApiResponse.Bytes(304, a.type(), new byte[0], headers);
        }
        return new ApiResponse.Bytes(200, a.type(), a.bytes(), headers);
    }

    private static Map<String, String> headers(String etag) {
        return Map.of("ETag", etag,
                // revalidate every time: a new release must reach the wall screens at their next reload
                "Cache-Control", "no-cache",
                "Content-Security-Policy", CSP,
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY");
    }

    private Optional<Asset> load(String path) {
        String dot = path.substring(path.lastIndexOf('/') + 1);
        String ext = dot.contains(".") ? dot.substring(dot.lastIndexOf('.') + 1) : "";
        if (!SAFE.matcher(path).matches() || path.contains("..") || !TYPES.containsKey(ext)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            String prefix = m.getKey();
            if (prefix.isEmpty() || path.startsWith(prefix + "/")) {
                byte[] bytes = read(m.getValue() + path.substring(prefix.length()));
                return bytes == null ? Optional.empty() : Optional.of(new Asset(TYPES.get(ext), bytes, etag(bytes)));
            }
        }
        return Optional.empty();
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(BearerAuth.sha256(bytes), 0, 12) + "\"";
    }
}
