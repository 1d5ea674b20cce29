package config.model;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Open on {@code day} from {@code from} (inclusive) to {@code to} (exclusive; 24:00 is {@link LocalTime#MAX}). */
public record OpenSpan(DayOfWeek day, LocalTime from, LocalTime to) {
    public boolean contains(DayOfWeek d, LocalTime t) {
        return d == day && !t.isBefore(from) && (t.isBefore(to) || to.equals(LocalTime.MAX));
    }
}
