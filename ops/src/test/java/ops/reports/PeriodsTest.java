package ops.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    @Test
    void daysAcrossSpringForwardInNewYorkLast24_23_24Hours() {
        Periods p = periods(ReportRequest.Group.DAY, "2024-03-09T00:00-05:00", "2024-03-12T00:00-04:00", NEW_YORK);
        assertEquals(List.of("2024-03-09T00:00:00-05:00", "2024-03-10T00:00:00-05:00", "2024-03-11T00:00:00-04:00"),
                starts(p));
        assertEquals(List.of(Duration.ofHours(24), Duration.ofHours(23), Duration.ofHours(24)), lengths(p));
    }

    @Test
    void hoursAcrossFallBackInTallinnHaveTwoThreeOClocks() {
        Periods p = periods(ReportRequest.Group.HOUR, "2024-10-27T02:00+03:00", "2024-10-27T05:00+02:00", TALLINN);
        assertEquals(List.of("2024-10-27T02:00:00+03:00", "2024-10-27T03:00:00+03:00", "2024-10-27T03:00:00+02:00",
                "2024-10-27T04:00:00+02:00"), starts(p));
    }

    @Test
    void aDayAcrossFallBackInTallinnLasts25Hours() {
        Periods p = periods(ReportRequest.Group.DAY, "2024-10-27T00:00+03:00", "2024-10-28T00:00+02:00", TALLINN);
        assertEquals(List.of(Duration.ofHours(25)), lengths(p));
    }

    @Test
    void weeksStartOnMondayAndTheFirstIsClippedToFrom() {
        Periods p = periods(ReportRequest.Group.WEEK, "2024-05-08T12:00+03:00", "2024-05-20T00:00+03:00", TALLINN);
        assertEquals(List.of("2024-05-08T12:00:00+03:00", "2024-05-13T00:00:00+03:00"), starts(p));
        assertEquals("2024-05-20T00:00:00+03:00", iso(p.end(1)));
    }

    @Test
    void monthsKeepTheirLocalMidnightAcrossDst() {
        Periods p = periods(ReportRequest.Group.MONTH, "2024-03-01T00:00+02:00", "2024-05-01T00:00+03:00", TALLINN);
        assertEquals(List.of("2024-03-01T00:00:00+02:00", "2024-04-01T00:00:00+03:00"), starts(p));
        assertEquals(List.of(Duration.ofDays(31).minusHours(1), Duration.ofDays(30)), lengths(p));
    }

    @Test
    void aRangeIsOnePeriodAndIndexOfKeepsToHalfOpen() {
        Periods p = periods(ReportRequest.Group.RANGE, "2024-05-06T09:30+03:00", "2024-05-09T17:45+03:00", TALLINN);
        assertEquals(1, p.count());
        assertEquals(0, p.indexOf(p.startMs(0)));
        assertEquals(0, p.indexOf(p.endMs(0) - 1));
        assertEquals(-1, p.indexOf(p.endMs(0)));
        assertEquals(-1, p.indexOf(p.startMs(0) - 1));
    }

    @Test
    void indexOfFindsTheHourHoldingAnInstant() {
        Periods p = periods(ReportRequest.Group.HOUR, "2024-05-06T09:00Z", "2024-05-06T12:00Z", ZoneId.of("UTC"));
        assertEquals(0, p.indexOf(Instant.parse("2024-05-06T09:59:59.999Z").toEpochMilli()));
        assertEquals(1, p.indexOf(Instant.parse("2024-05-06T10:00:00Z").toEpochMilli()));
        assertEquals(2, p.indexOf(Instant.parse("2024-05-06T11:30:00Z").toEpochMilli()));
    }

    @Test
    void refusesMoreThanTenThousandPeriods() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> periods(ReportRequest.Group.HOUR, "2024-01-01T00:00Z", "2026-01-01T00:00Z", TALLINN));
        assertTrue(e.getMessage().contains("by HOUR makes more than 10000 periods"), e.getMessage());
        assertEquals(8784, periods(ReportRequest.Group.HOUR, "2024-01-01T00:00Z", "2025-01-01T00:00Z", TALLINN)
                .count());
    }

    private static Periods periods(ReportRequest.Group group, String from, String to, ZoneId zone) {
        return Periods.of(new ReportRequest(ReportRequest.By.QUEUE, group, OffsetDateTime.parse(from).toInstant(),
                OffsetDateTime.parse(to).toInstant(), zone));
    }

    private static List<String> starts(Periods p) {
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < p.count(); i++) {
            starts.add(iso(p.start(i)));
        }
        return starts;
    }

    private static List<Duration> lengths(Periods p) {
        List<Duration> lengths = new ArrayList<>();
        for (int i = 0; i < p.count(); i++) {
            lengths.add(Duration.ofMillis(p.endMs(i) - p.startMs(i)));
        }
        return lengths;
    }

    private static String iso(java.time.ZonedDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
