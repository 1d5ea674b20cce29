package config.model;

import ivr.menu.Destination;
import java.time.Instant;

/**
 * A dialed number (the Request-URI user; "*" for any other) and where its calls enter.
 *
 * @param entry a menu or queue target
 * @param hours business hours, or null for always open
 */
public record NumberEntry(String number, Destination entry, BusinessHours hours) {
    public static final String ANY = "*";

    /** Where a call arriving at {@code at} goes: the entry while open, else the closed target. */
    public Destination routeAt(Instant at) {
        return hours == null || hours.isOpen(at) ? entry : hours.closed();
    }
}
