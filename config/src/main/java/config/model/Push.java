package config.model;

import java.net.URI;
import java.util.Objects;

/**
 * The push gateway (RFC 8599) that wakes agents' mobile apps before they are rung: an HTTP(S)
 * endpoint, such as the app vendor's or the operator's push proxy, posted to with {@code token}
 * as the bearer token.
 */
public record Push(URI url, Secret token) {
    public Push {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }
}
