package gateway.trunk;

import gateway.sip.auth.ClientCredentials;
import gateway.sip.auth.ClientDigest;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How calls reach the outside through one trunk: where its requests go, over which transport,
 * and the credentials its challenges are answered with.
 *
 * @param address     as last resolved (off the call loops); unresolved when the name never resolved
 * @param transport   {@code UDP} or {@code TCP}
 * @param credentials null when the trunk has none (then a challenge fails the call)
 */
public record TrunkRoute(String id, InetSocketAddress address, String transport, ClientCredentials credentials) {
    public TrunkRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        transport = transport == null ? "UDP" : transport;
    }

    /** A trunk without credentials over UDP. */
    public static TrunkRoute plain(String id, InetSocketAddress address) {
        return new TrunkRoute(id, address, "UDP", null);
    }

    /** {@code sip:user@ip:port}: the IP as resolved, so the SIP stack never looks a name up on a call loop. */
    public String uri(String user) {
        String host = address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
        return "sip:" + user + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The answerer for one request's challenges. */
    public ClientDigest digest() {
        return ClientDigest.with(credentials);
    }

    @Override
    public String toString() {
        return "trunk " + id;
    }
}
