package config.model;

import java.util.List;

/**
 * A SIP trunk: where outbound calls (transfers, agents' personal devices) are sent, and the
 * addresses whose INVITEs are accepted without digest authentication.
 *
 * @param username for digest authentication towards the carrier, or null
 * @param password for digest authentication towards the carrier, or null
 * @param offer    whether our INVITEs through it carry the SDP offer
 */
public record Trunk(String id, HostPort address, List<Cidr> allow, String username, Secret password, OfferMode offer) {
    public Trunk {
        allow = List.copyOf(allow);
        offer = offer == null ? OfferMode.EARLY : offer;
    }
}
