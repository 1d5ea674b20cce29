package ops.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The periods of a report: calendar hours, days, ISO weeks (from Monday), months, or the whole
 * range, cut in the request's zone and clipped to [from, to). A day is local midnight to local
 * midnight, so it lasts 23 or 25 hours across a DST switch; an hour is an hour of the timeline,
 * so a fall-back night has two "01:00" hours with different offsets.
 */
final class Periods {
    /** A year of hours fits; a request for millions of periods is refused before it fills memory. */
    static final int MAX_PERIODS = 10_000;

    /** Period i is [boundsMs[i], boundsMs[i + 1]); the first is from, the last is to. */
    private final long[] boundsMs;
    private final ZoneId zone;

    private Periods(long[] boundsMs, ZoneId zone) {
        this.boundsMs = boundsMs;
        this.zone = zone;
    }

    static Periods of(ReportRequest request) {
        List<Long> bounds = new ArrayList<>();
        bounds.add(request.from().toEpochMilli());
        if (request.group() != ReportRequest.Group.RANGE) {
            ZonedDateTime next = start(request.group(), request.from().atZone(request.zone()));
            while (true) {
                next = next(request.group(), next);
                if (!next.toInstant().isBefore(request.to())) {
                    break;
                }
                bounds.add(next.toInstant().toEpochMilli());
                if (bounds.size() > MAX_PERIODS) {
                    throw new IllegalArgumentException("from=" + request.from() + " to=" + request.to() + " by "
                            + request.group() + " makes more than " + MAX_PERIODS + " periods; group by a longer one");
                }
            }
        }
        bounds.add(request.to().toEpochMilli());
        return new Periods(bounds.stream().mapToLong(Long::longValue).toArray(), request.zone());
    }

    /** The start of the calendar period holding {@code t}. */
    private static ZonedDateTime start(ReportRequest.Group group, ZonedDateTime t) {
        LocalDate day = t.toLocalDate();
        return switch (group) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> day.atStartOfDay(t.getZone());
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(t.getZone());
            case MONTH -> day.withDayOfMonth(1).atStartOfDay(t.getZone());
            case RANGE -> throw new IllegalArgumentException("a range has no calendar periods");
        };
    }

    private static ZonedDateTime next(ReportRequest.Group group, ZonedDateTime start) {
        LocalDate day = start.toLocalDate();
        return switch (group) {
            // plusHours works on the timeline; truncating again realigns after a half-hour shift
            case HOUR -> start.plusHours(1).truncatedTo(ChronoUnit.HOURS);
            case DAY -> day.plusDays(1).atStartOfDay(start.getZone());
            case WEEK -> day.plusWeeks(1).atStartOfDay(start.getZone());
            case MONTH -> day.plusMonths(1).atStartOfDay(start.getZone());
            case RANGE -> throw new IllegalArgumentException("a range has no calendar periods");
        };
    }

    int count() {
        return boundsMs.length - 1;
    }

    long startMs(int period) {
        return boundsMs[period];
    }

    long endMs(int period) {
        return boundsMs[period + 1];
    }

    /** The period holding {@code atMs}, or -1 when it is outside [from, to). */
    int indexOf(long atMs) {
        if (atMs < boundsMs[0] || atMs >= boundsMs[boundsMs.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(boundsMs, atMs);
        return i >= 0 ? i : -i - 2;
    }

    ZonedDateTime start(int period) {
        return Instant.ofEpochMilli(boundsMs[period]).atZone(zone);
    }

    ZonedDateTime end(int period) {
        return Instant.ofEpochMilli(boundsMs[period + 1]).atZone(zone);
    }
}
