package config.model;

/**
 * Which media an agent's phones or a trunk may use (the {@code media} field): SRTP is only ever
 * agreed on a leg signalled over TLS, where the SDES keys in the SDP are not sent in clear.
 */
public enum MediaSecurity {
    /** Plain RTP only: offers of SRTP (RTP/SAVP) are refused with 488. */
    RTP("rtp"),
    /** SRTP only: a plain offer, or a leg not signalled over TLS, is refused with 488 (or not rung). */
    SRTP("srtp"),
    /** Either, as the phone offers or answers; SRTP only over TLS. The default. */
    ANY("any");

    private final String configName;

    MediaSecurity(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
