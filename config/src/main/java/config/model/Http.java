package config.model;

/**
 * The admin REST API, metrics and reports; {@code token} is the bearer token of every /api call.
 *
 * @param metricsToken   the bearer token /metrics requires, or null when scraping is open
 * @param wallboardToken a read-only token (wall screens, the page's viewer sign-in), or null for none
 */
public record Http(HostPort listen, Secret token, Secret metricsToken, Secret wallboardToken) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8080);
}
