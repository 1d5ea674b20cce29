package gateway.leg;

import config.model.OfferMode;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How a call goes out through one trunk: its resolved address, and whether our INVITE carries
 * the SDP offer or leaves it to the far end's 2xx (a delayed offer, answered in our ACK).
 */
public record TrunkRoute(InetSocketAddress address, OfferMode offer) {
    public TrunkRoute {
        Objects.requireNonNull(address, "address");
        offer = offer == null ? OfferMode.EARLY : offer;
    }

    /** A trunk our INVITEs offer to (the default). */
    public static TrunkRoute early(InetSocketAddress address) {
        return new TrunkRoute(address, OfferMode.EARLY);
    }

    /** Where an INVITE for {@code number} goes: {@code sip:number@host:port}. */
    public String uri(String number) {
        return "sip:" + number + "@" + address.getHostString() + ":" + address.getPort();
    }

    /** The INVITE's body: our offer, or none for a delayed-offer trunk. */
    public byte[] inviteBody(byte[] offer) {
        return this.offer == OfferMode.DELAYED ? null : offer;
    }
}
