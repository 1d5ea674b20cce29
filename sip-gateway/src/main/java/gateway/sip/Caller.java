package gateway.sip;

import java.util.Objects;

/** Who an admitted INVITE came from: a trunk (by source address) or an authenticated agent phone. */
public record Caller(Kind kind, String id) {
    public enum Kind { TRUNK, AGENT }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Caller trunk(String trunkId) {
        return new Caller(Kind.TRUNK, trunkId);
    }

    public static Caller agent(String agentId) {
        return new Caller(Kind.AGENT, agentId);
    }
}
