package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebAssetsTest {
    private final WebAssets assets = new WebAssets(Map.of("", "/webtest"));

    @Test
    void rootIsTheIndexPageWithAPolicyThatAllowsOnlyTheServersOwnFiles() {
        ApiResponse.Bytes page = (ApiResponse.Bytes) assets.get("/", null);
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertTrue(new String(page.body()).contains("/js/app.js"));
        assertEquals(WebAssets.CSP, page.headers().get("Content-Security-Policy"));
        assertEquals("DENY", page.headers().get("X-Frame-Options"));
    }

    @Test
    void modulesAreJavascriptAndACurrentCopyGetsA304() {
        ApiResponse.Bytes js = (ApiResponse.Bytes) assets.get("/js/app.js", null);
        assertEquals("text/javascript; charset=utf-8", js.contentType());
        String etag = js.headers().get("ETag");
        assertEquals(304, ((ApiResponse.Bytes) assets.get("/js/app.js", etag)).status());
        assertEquals(200, ((ApiResponse.Bytes) assets.get("/js/app.js", "\"stale\"")).status());
    }

    @Test
    void pathsOutsideThePageAreNotFound() {
        for (String p : new String[] {"/../ops/http/openapi.json", "/js/../index.html", "/nope.js", "/js/app.exe",
                "/.hidden.js", "//etc/passwd", "/js/"}) {
            ApiException e = assertThrows(ApiException.class, () -> assets.get(p, null), p);
            assertEquals(404, e.status(), p);
        }
    }

    @Test
    void theChartLibraryComesFromItsWebJar() {
        ApiResponse.Bytes js = (ApiResponse.Bytes) WebAssets.page().get("/vendor/uplot/uPlot.esm.js", null);
        assertEquals(200, js.status());
        assertTrue(js.body().length > 10_000);
    }

    @Test
    void pageFilesNeedNoTokenButTheApiStillDoes() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            HttpResponse<String> missing = rig.http.send(HttpRequest.newBuilder(
                    URI.create("http://" + hostPort(rig) + "/no-such-file.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            HttpResponse<String> api = rig.http.send(HttpRequest.newBuilder(
                    URI.create("http://" + hostPort(rig) + "/api/queues")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, api.statusCode());
        }
    }

    private static String hostPort(AdminRig rig) {
        return "127.0.0.1:" + rig.server.port();
    }
}
