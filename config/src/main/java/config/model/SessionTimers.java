package config.model;

import java.time.Duration;

/**
 * Session timers (RFC 4028) on every dialog of a call, both sides of the B2BUA.
 *
 * @param expires the session interval we ask for in our INVITEs and grant at most
 * @param minSE   the smallest interval we accept: a request asking less gets 422 with this Min-SE
 */
public record SessionTimers(Duration expires, Duration minSE) {
    /** RFC 4028 section 4: no Min-SE may be below 90 seconds. */
    public static final Duration RFC_MIN_SE = Duration.ofSeconds(90);
    public static final SessionTimers DEFAULT = new SessionTimers(Duration.ofSeconds(1800), RFC_MIN_SE);
}
