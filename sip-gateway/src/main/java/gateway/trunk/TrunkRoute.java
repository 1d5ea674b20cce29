package gateway.trunk;

import config.model.OfferMode;
import gateway.net.Addresses;
import gateway.sip.auth.ClientCredentials;
import gateway.sip.auth.ClientDigest;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How calls reach the outside through one trunk: where its requests go, over which transport,
 * the credentials its challenges are answered with, and whether our INVITE carries the SDP
 * offer or leaves it to the far end's 2xx (a delayed offer, answered in our ACK).
 *
 * @param address     as last resolved (off the call loops); unresolved when the name never resolved
 * @param transport   {@code UDP} or {@code TCP}
 * @param credentials null when the trunk has none (then a challenge fails the call)
 * @param offer       early (the default) or delayed
 */
public record TrunkRoute(String id, InetSocketAddress address, String transport, ClientCredentials credentials,
                         OfferMode offer) {
    public TrunkRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        transport = transport == null ? "UDP" : transport;
        offer = offer == null ? OfferMode.EARLY : offer;
    }

    /** A trunk without credentials over UDP, offering in its INVITEs. */
    public static TrunkRoute plain(String id, InetSocketAddress address) {
        return new TrunkRoute(id, address, "UDP", null, OfferMode.EARLY);
    }

    /** {@code sip:user@ip:port}: the IP as resolved, so the SIP stack never looks a name up on a call loop. */
    public String uri(String user) {
        return "sip:" + user + "@" + Addresses.of(address);
    }

    /** The INVITE's body: our offer, or none for a delayed-offer trunk. */
    public byte[] inviteBody(byte[] offer) {
        return this.offer == OfferMode.DELAYED ? null : offer;
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
