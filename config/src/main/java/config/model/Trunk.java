package config.model;

import java.time.Duration;
import java.util.List;

/**
 * A SIP trunk: where outbound calls (transfers, agents' personal devices) are sent, the
 * addresses whose INVITEs are accepted without digest authentication, and how we authenticate,
 * register and offer towards the carrier.
 *
 * @param username       for digest authentication towards the carrier, or null
 * @param password       for digest authentication towards the carrier, or null
 * @param transport      {@code UDP} or {@code TCP}, for every request we send to the trunk
 * @param domain         the carrier's domain in the REGISTER's To/From; the address host by default
 * @param register       whether the server registers to the trunk as {@code username@domain}
 * @param registerExpiry the Expires the REGISTER asks for
 * @param offer          whether our INVITEs through it carry the SDP offer
 * @param media          plain RTP, SRTP or either towards the carrier (SRTP only over TLS)
 */
public record Trunk(String id, HostPort address, List<Cidr> allow, String username, Secret password,
                    String transport, String domain, boolean register, Duration registerExpiry, OfferMode offer,
                    MediaSecurity media) {
    public static final Duration DEFAULT_REGISTER_EXPIRY = Duration.ofSeconds(600);

    public Trunk {
        allow = List.copyOf(allow);
        transport = transport == null ? "UDP" : transport;
        domain = domain == null ? address.host() : domain;
        registerExpiry = registerExpiry == null ? DEFAULT_REGISTER_EXPIRY : registerExpiry;
        offer = offer == null ? OfferMode.EARLY : offer;
        media = media == null ? MediaSecurity.ANY : media;
    }

    public Trunk(String id, HostPort address, List<Cidr> allow, String username, Secret password, String transport,
                 String domain, boolean register, Duration registerExpiry, OfferMode offer) {
        this(id, address, allow, username, password, transport, domain, register, registerExpiry, offer, null);
    }

    /** A trunk that neither registers nor needs a transport other than UDP, offering in its INVITEs. */
    public Trunk(String id, HostPort address, List<Cidr> allow, String username, Secret password) {
        this(id, address, allow, username, password, null, null, false, null, null, null);
    }
}
