package ops.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/config}: reload the config file now, and the last reload's outcome. A rejected
 * config still answers 200: the request did what it was asked, and {@code ok: false} with the
 * errors (line:column) says the running config stayed as it was.
 */
final class ConfigApi {
    private static final Logger log = LoggerFactory.getLogger(ConfigApi.class);

    private final ConfigControl config;

    ConfigApi(ConfigControl config) {
        this.config = config;
    }

    void register(Routes routes) {
        routes.add("POST", "/api/config/reload", r -> reload())
                .view("GET", "/api/config/status", r -> ApiResponse.ok(config.status()));
    }

    private ApiResponse reload() {
        log.info("admin API: config reload");
        return ApiResponse.ok(config.reload());
    }
}
