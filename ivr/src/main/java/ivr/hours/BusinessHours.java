package ivr.hours;

import ivr.menu.Destination;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a number is open, in its own time zone: an instant is converted to local wall-clock
 * time first, so "09:00" stays 09:00 across daylight-saving changes. Holidays (local dates)
 * are closed all day.
 *
 * @param closed where calls go outside the hours
 */
public record BusinessHours(ZoneId zone, List<WeeklyRange> open, Set<LocalDate> holidays, Destination closed) {

    public BusinessHours {
        Objects.requireNonNull(zone, "timezone");
        Objects.requireNonNull(closed, "closed");
        open = List.copyOf(open);
        holidays = Set.copyOf(holidays);
        if (open.isEmpty()) {
            throw new IllegalArgumentException("hours: 'open' needs at least one range, e.g. mon-fri: 09:00-17:00");
        }
    }

    public boolean isOpen(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        for (WeeklyRange r : open) {
            if (r.contains(local.getDayOfWeek(), local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }
}
