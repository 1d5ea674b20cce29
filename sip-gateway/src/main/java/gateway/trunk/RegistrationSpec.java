package gateway.trunk;

import java.time.Duration;
import java.util.Objects;

/**
 * What one trunk's registration asks for: a reload that changes any of it re-registers.
 *
 * @param route    where the REGISTER goes, over which transport, with which credentials
 * @param username the registered user ({@code username@domain} in To and From)
 * @param domain   the carrier's domain
 * @param expiry   the Expires we ask for; the registrar may grant less
 */
public record RegistrationSpec(TrunkRoute route, String username, String domain, Duration expiry) {
    public RegistrationSpec {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(expiry, "expiry");
    }

    public String trunkId() {
        return route.id();
    }
}
