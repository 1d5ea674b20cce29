package config.model;

import ivr.menu.Destination;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** When a number is open, in its own time zone; outside those hours callers go to {@code closed}. */
public record BusinessHours(ZoneId zone, List<OpenSpan> open, Set<LocalDate> holidays, Destination closed) {
    public BusinessHours {
        open = List.copyOf(open);
        holidays = Set.copyOf(holidays);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return open.stream().anyMatch(s -> s.contains(local.getDayOfWeek(), local.toLocalTime()));
    }
}
