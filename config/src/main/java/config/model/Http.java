package config.model;

/** The admin REST API, metrics and reports; {@code token} is the bearer token of every /api call. */
public record Http(HostPort listen, Secret token) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8080);
}
