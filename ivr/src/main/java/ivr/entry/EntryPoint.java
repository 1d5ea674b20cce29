package ivr.entry;

import ivr.hours.BusinessHours;
import ivr.menu.Destination;
import java.time.Instant;
import java.util.Objects;

/**
 * A dialled number and where its calls start; with business hours, calls outside them go to
 * the hours' closed destination instead.
 *
 * @param number the Request-URI user, or {@link #ANY} for every other number
 * @param hours  null when always open
 */
public record EntryPoint(String number, Destination target, BusinessHours hours) {
    public static final String ANY = "*";

    public EntryPoint {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(target, () -> "number " + number + ": target");
    }

    /** Where a call arriving at {@code now} starts. */
    public Destination route(Instant now) {
        return hours == null || hours.isOpen(now) ? target : hours.closed();
    }
}
