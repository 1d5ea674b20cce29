package ivr.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.menu.Destination;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    final BusinessHours office = new BusinessHours(TALLINN,
            List.of(WeeklyRange.parse("mon-fri", "09:00-17:00"), WeeklyRange.parse("sat", "10:00-14:00")),
            Set.of(LocalDate.of(2026, 12, 24)), Destination.menu("closed"));

    private boolean open(String utc) {
        return office.isOpen(Instant.parse(utc));
    }

    @Test
    void springForwardKeepsLocalOpeningTimes() {
        // Tallinn: EET (UTC+2) until Sun 2026-03-29 01:00 UTC, then EEST (UTC+3)
        assertFalse(open("2026-03-27T06:59:00Z")); // Fri 08:59 EET
        assertTrue(open("2026-03-27T07:00:00Z")); // Fri 09:00 EET
        assertTrue(open("2026-03-27T14:59:00Z")); // Fri 16:59 EET
        assertFalse(open("2026-03-27T15:00:00Z")); // Fri 17:00 EET
        assertFalse(open("2026-03-30T05:59:00Z")); // Mon 08:59 EEST
        assertTrue(open("2026-03-30T06:00:00Z")); // Mon 09:00 EEST: one UTC hour earlier than Friday
        assertTrue(open("2026-03-30T13:59:00Z")); // Mon 16:59 EEST
        assertFalse(open("2026-03-30T14:00:00Z")); // Mon 17:00 EEST
    }

    @Test
    void fallBackKeepsLocalOpeningTimes() {
        // EEST until Sun 2026-10-25 01:00 UTC, then EET
        assertTrue(open("2026-10-23T06:00:00Z")); // Fri 09:00 EEST
        assertFalse(open("2026-10-23T14:00:00Z")); // Fri 17:00 EEST
        assertFalse(open("2026-10-26T06:30:00Z")); // Mon 08:30 EET
        assertTrue(open("2026-10-26T07:00:00Z")); // Mon 09:00 EET
        assertTrue(open("2026-10-26T14:30:00Z")); // Mon 16:30 EET
        assertFalse(open("2026-10-26T15:00:00Z")); // Mon 17:00 EET
    }

    @Test
    void overnightRangeAcrossTheDstNight() {
        BusinessHours night = new BusinessHours(TALLINN, List.of(WeeklyRange.parse("sat", "22:00-06:00")),
                Set.of(), Destination.HANGUP);
        assertFalse(night.isOpen(Instant.parse("2026-03-28T19:59:00Z"))); // Sat 21:59 EET
        assertTrue(night.isOpen(Instant.parse("2026-03-28T20:00:00Z"))); // Sat 22:00 EET
        assertTrue(night.isOpen(Instant.parse("2026-03-29T00:30:00Z"))); // Sun 02:30 EET
        assertTrue(night.isOpen(Instant.parse("2026-03-29T02:30:00Z"))); // Sun 05:30 EEST
        assertFalse(night.isOpen(Instant.parse("2026-03-29T03:00:00Z"))); // Sun 06:00 EEST
        assertFalse(night.isOpen(Instant.parse("2026-03-29T20:00:00Z"))); // Sun 23:00: not a Saturday
    }

    @Test
    void weekendsAndHolidaysAreClosed() {
        assertTrue(open("2026-11-28T09:00:00Z")); // Sat 11:00 EET
        assertFalse(open("2026-11-28T12:00:00Z")); // Sat 14:00 EET
        assertFalse(open("2026-11-29T09:00:00Z")); // Sun
        assertTrue(open("2026-12-23T09:00:00Z")); // Wed 11:00
        assertFalse(open("2026-12-24T09:00:00Z")); // Thu 11:00, holiday
        assertEquals(Destination.menu("closed"), office.closed());
    }

    @Test
    void parsesDaysAndTimes() {
        assertEquals(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                WeeklyRange.parseDays("fri-mon"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), WeeklyRange.parseDays("Mon, wed"));
        WeeklyRange allDay = WeeklyRange.parse("sun", "00:00-24:00");
        assertTrue(allDay.contains(DayOfWeek.SUNDAY, java.time.LocalTime.of(23, 59)));
        assertFalse(allDay.contains(DayOfWeek.MONDAY, java.time.LocalTime.of(0, 0)));
        assertEquals("unknown day \"fry\" in \"mon-fry\"; use mon tue wed thu fri sat sun",
                assertThrows(IllegalArgumentException.class, () -> WeeklyRange.parse("mon-fry", "09:00-17:00"))
                        .getMessage());
        assertEquals("time \"9am\" in \"9am-5pm\" must be HH:mm",
                assertThrows(IllegalArgumentException.class, () -> WeeklyRange.parse("mon", "9am-5pm")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WeeklyRange.parse("mon", "09:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(TALLINN, List.of(), Set.of(),
                Destination.HANGUP));
    }
}
