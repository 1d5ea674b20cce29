package gateway.sip.registrar;

import config.model.NatMode;
import java.util.Objects;

/**
 * Expires bounds in seconds: below {@code minExpires} (and not 0) is answered 423, above
 * {@code maxExpires} is shortened, none given means {@code defaultExpires}. {@code nat} is how
 * phones of agents without a {@code nat} of their own are reached.
 */
public record RegistrarSettings(int minExpires, int maxExpires, int defaultExpires, int maxContactsPerAgent,
                                NatMode nat) {
    public RegistrarSettings(int minExpires, int maxExpires, int defaultExpires, int maxContactsPerAgent) {
        this(minExpires, maxExpires, defaultExpires, maxContactsPerAgent, NatMode.AUTO);
    }

    public RegistrarSettings {
        Objects.requireNonNull(nat, "nat");
        if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("expires bounds must satisfy 1 <= minExpires=" + minExpires
                    + " <= defaultExpires=" + defaultExpires + " <= maxExpires=" + maxExpires);
        }
        if (maxContactsPerAgent < 1) {
            throw new IllegalArgumentException("maxContactsPerAgent=" + maxContactsPerAgent + " must be at least 1");
        }
    }

    public static RegistrarSettings standard() {
        return new RegistrarSettings(60, 3600, 3600, 10);
    }

    public RegistrarSettings withNat(NatMode mode) {
        return new RegistrarSettings(minExpires, maxExpires, defaultExpires, maxContactsPerAgent, mode);
    }
}
