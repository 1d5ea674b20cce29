package ivr.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Opening times on some weekdays, e.g. {@code mon-fri 09:00-17:00}. The end is exclusive;
 * {@code 24:00} means until midnight; an end before the start (22:00-06:00) runs past
 * midnight into the next day.
 */
public record WeeklyRange(Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean untilMidnight) {
    private static final String[] NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    public WeeklyRange {
        days = Set.copyOf(EnumSet.copyOf(days));
        if (!untilMidnight && from.equals(to)) {
            throw new IllegalArgumentException("opening time " + from + "-" + to + " is empty");
        }
    }

    /**
     * Parses the config form: days {@code "mon-fri"}, {@code "sat"}, {@code "mon,wed,fri"} or
     * {@code "fri-mon"} (wrapping), and times {@code "09:00-17:00"}.
     */
    public static WeeklyRange parse(String days, String times) {
        Set<DayOfWeek> set = parseDays(days);
        String[] t = times.trim().split("-");
        if (t.length != 2) {
            throw new IllegalArgumentException("times \"" + times + "\" must look like 09:00-17:00");
        }
        LocalTime from = parseTime(t[0], times);
        boolean midnight = t[1].trim().equals("24:00");
        LocalTime to = midnight ? LocalTime.MIDNIGHT : parseTime(t[1], times);
        return new WeeklyRange(set, from, to, midnight);
    }

    static Set<DayOfWeek> parseDays(String days) {
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.trim().toLowerCase(Locale.ROOT).split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length == 1) {
                set.add(day(ends[0], days));
            } else if (ends.length == 2) {
                DayOfWeek d = day(ends[0], days);
                DayOfWeek last = day(ends[1], days);
                set.add(d);
                while (d != last) {
                    d = d.plus(1);
                    set.add(d);
                }
            } else {
                throw new IllegalArgumentException("days \"" + days + "\" must look like mon-fri or sat,sun");
            }
        }
        return set;
    }

    private static DayOfWeek day(String name, String whole) {
        String n = name.trim();
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(n)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw new IllegalArgumentException("unknown day \"" + n + "\" in \"" + whole + "\"; use mon tue wed thu fri sat sun");
    }

    private static LocalTime parseTime(String s, String whole) {
        try {
            return LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time \"" + s.trim() + "\" in \"" + whole + "\" must be HH:mm", e);
        }
    }

    private boolean overnight() {
        return !untilMidnight && to.isBefore(from);
    }

    /** Whether local wall-clock {@code time} on {@code day} falls inside this range. */
    public boolean contains(DayOfWeek day, LocalTime time) {
        if (days.contains(day) && !time.isBefore(from) && (untilMidnight || overnight() || time.isBefore(to))) {
            return true;
        }
        // the part after midnight of an overnight range belongs to the day it started
        return overnight() && days.contains(day.minus(1)) && time.isBefore(to);
    }
}
