package config.validate;

import config.model.BusinessHours;
import config.model.NumberEntry;
import config.model.OpenSpan;
import config.yaml.YNode;
import ivr.menu.Destination;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers section: dialed number to entry point (menu or queue), with business hours. */
final class NumbersSection {
    private static final Set<String> FIELDS = Set.of("number", "menu", "queue", "hours");
    private static final Set<String> HOURS_FIELDS = Set.of("timezone", "open", "holidays", "closed");
    private static final Pattern NUMBER = Pattern.compile("\\*|\\+?[0-9*#]+|[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Pattern TIMES = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private final Binding b;
    private final TargetReader targets;

    NumbersSection(Binding b, TargetReader targets) {
        this.b = b;
        this.targets = targets;
    }

    List<NumberEntry> read(Fields root) {
        return root.items("numbers", (node, path) -> number(Fields.of(node, path, b.problems, FIELDS)));
    }

    private NumberEntry number(Fields f) {
        String number = f.required("number", NumbersSection::dialed);
        b.refs.define(References.Kind.NUMBER, number, f.node("number"), f.path("number"));
        Destination entry = null;
        if (f.has("menu") && f.has("queue")) {
            b.problems.at(f.mapping(), f.path(), "write either menu or queue, not both");
        } else if (!f.has("menu") && !f.has("queue")) {
            f.missingOneOf("menu", "queue");
        } else {
            String key = f.has("menu") ? "menu" : "queue";
            String id = f.value(key, null, Values::id);
            b.refs.refer(key.equals("menu") ? References.Kind.MENU : References.Kind.QUEUE, id, f.node(key), f.path(key));
            entry = id == null ? null : key.equals("menu") ? Destination.menu(id) : Destination.queue(id);
        }
        BusinessHours hours = f.has("hours") ? hours(Fields.of(f.node("hours"), f.path("hours"), b.problems, HOURS_FIELDS)) : null;
        return number == null || entry == null ? null : new NumberEntry(number, entry, hours);
    }

    private static String dialed(String text) throws BadValue {
        if (!NUMBER.matcher(text).matches()) {
            throw new BadValue("bad number \"" + text + "\": expected the dialed number (e.g. \"+15550100000\") or \"*\"");
        }
        return text;
    }

    private BusinessHours hours(Fields f) {
        ZoneId zone = f.value("timezone", ZoneOffset.UTC, NumbersSection::zone);
        List<OpenSpan> open = new ArrayList<>();
        YNode openNode = f.node("open");
        if (openNode == null) {
            f.missing("open");
        } else if (openNode instanceof YNode.Mapping m) {
            for (YNode.Mapping.Entry e : m.entries().values()) {
                openDays(e, f.path("open") + "." + e.key(), open);
            }
        } else {
            b.problems.at(openNode, f.path("open"), "expected a mapping of days to hours, e.g. { mon-fri: \"09:00-17:00\" }, found "
                    + openNode.describe());
        }
        Set<LocalDate> holidays = new HashSet<>(f.scalars("holidays", NumbersSection::date));
        Destination closed = targets.read(f, "closed", Destination.HANGUP);
        return new BusinessHours(zone, open, holidays, closed);
    }

    private static LocalDate date(String text) throws BadValue {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadValue("bad date \"" + text + "\": expected YYYY-MM-DD");
        }
    }

    private static ZoneId zone(String text) throws BadValue {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new BadValue("unknown time zone \"" + text + "\": expected a region such as Europe/Tallinn or America/New_York");
        }
    }

    /** One "days: times" entry, e.g. {@code mon-fri: "09:00-17:00"} or {@code sat: ["10:00-12:00", "13:00-15:00"]}. */
    private void openDays(YNode.Mapping.Entry e, String path, List<OpenSpan> out) {
        List<DayOfWeek> days = days(e.key());
        if (days == null) {
            b.problems.at(e.keyLocation(), path, "bad days \"" + e.key() + "\": expected a day or range of mon, tue, wed, thu, fri, sat, sun"
                    + " (e.g. mon-fri or sat,sun)");
        }
        List<YNode> ranges = e.value() instanceof YNode.Seq s ? s.items() : List.of(e.value());
        for (YNode r : ranges) {
            String text = Fields.scalarText(r, path, b.problems, null);
            if (text == null) {
                continue;
            }
            Matcher m = TIMES.matcher(text.trim());
            LocalTime from = m.matches() ? time(m.group(1), m.group(2)) : null;
            LocalTime to = m.matches() ? time(m.group(3), m.group(4)) : null;
            if (from == null || to == null || !from.isBefore(to)) {
                b.problems.at(r, path, "bad hours \"" + text + "\": expected HH:MM-HH:MM within one day, e.g. \"09:00-17:00\"");
            } else if (days != null) {
                days.forEach(d -> out.add(new OpenSpan(d, from, to)));
            }
        }
    }

    private static LocalTime time(String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour == 24 && minute == 0) {
            return LocalTime.MAX;
        }
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    /** "mon", "mon-fri", "fri-mon" (wrapping), "sat,sun"; null when malformed. */
    static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : spec.toLowerCase().split(",")) {
            String[] ends = part.trim().split("-", -1);
            DayOfWeek first = DAYS.get(ends[0]);
            DayOfWeek last = ends.length == 2 ? DAYS.get(ends[1]) : first;
            if (first == null || last == null || ends.length > 2) {
                return null;
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                out.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return out;
    }
}
