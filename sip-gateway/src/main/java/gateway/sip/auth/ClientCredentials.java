package gateway.sip.auth;

import java.util.Objects;

/** Our user name and password towards a carrier's digest challenges. */
public record ClientCredentials(String username, String password) {
    public ClientCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never the password: records like this end up in logs. */
    @Override
    public String toString() {
        return "ClientCredentials[" + username + "]";
    }
}
