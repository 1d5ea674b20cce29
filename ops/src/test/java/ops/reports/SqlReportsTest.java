package ops.reports;

import static ops.reports.DayOfCalls.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ops.reports.ReportDatabases.Dialect;
import ops.reports.ReportRequest.By;
import ops.reports.ReportRequest.Group;

/** Every figure of department, queue and agent reports over {@link DayOfCalls}, in Tallinn time. */
class SqlReportsTest {
    static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");
    static final InstantSource NOON_UTC = InstantSource.fixed(at("12:00:00"));
    static final List<String> CALL_COLUMNS = List.of("key", "period_start", "period_end", "offered", "answered",
            "abandoned", "short_abandons", "timed_out", "voicemails", "missed_rings", "service_level_pct", "asa_s",
            "longest_wait_s", "avg_talk_s", "aht_s", "abandon_rate_pct", "call_minutes");
    static final List<String> AGENT_COLUMNS = List.of("logged_in_s", "paused_s", "paused_coffee_break_s",
            "paused_lunch_s", "paused_training_s", "occupancy_pct");

    private static final String H12 = "2024-05-06T12:00:00+03:00";
    private static final String H13 = "2024-05-06T13:00:00+03:00";
    private static final String H14 = "2024-05-06T14:00:00+03:00";
    private static final String MAY6 = "2024-05-06T00:00:00+03:00";
    private static final String MAY7 = "2024-05-07T00:00:00+03:00";

    @DialectTest
    void byQueueOverTheRange(Dialect dialect) throws Exception {
        Report report = run(dialect, By.QUEUE, Group.RANGE, at("09:00:00"), at("11:00:00"));
        assertEquals(CALL_COLUMNS, report.columns());
        assertRows(report,
                row("renewals", H12, H14, 2, 1, 0, 0, 1, 0, 2, 0.0, 15.0, 90.0, 60.0, 60.0, 0.0, 1.0),
                row("sales", H12, H14, 4, 2, 2, 1, 0, 0, 1, 33.33, 17.5, 40.0, 160.0, 180.0, 50.0, 5.33),
                row("support", H12, H14, 4, 2, 1, 1, 0, 1, 1, 66.67, 16.5, 45.0, 195.0, 240.0, 25.0, 6.5));
    }

    @DialectTest
    void byDepartmentOverTheRange(Dialect dialect) throws Exception {
        Report report = run(dialect, By.DEPARTMENT, Group.RANGE, at("09:00:00"), at("11:00:00"));
        assertEquals(CALL_COLUMNS, report.columns());
        assertRows(report,
                row("Sales", H12, H14, 6, 3, 2, 1, 1, 0, 3, 20.0, 16.67, 90.0, 126.67, 140.0, 33.33, 6.33),
                row("Support", H12, H14, 4, 2, 1, 1, 0, 1, 1, 66.67, 16.5, 45.0, 195.0, 240.0, 25.0, 6.5));
    }

    @DialectTest
    void byQueueByHour(Dialect dialect) throws Exception {
        Report report = run(dialect, By.QUEUE, Group.HOUR, at("09:00:00"), at("11:00:00"));
        assertRows(report,
                row("renewals", H13, H14, 2, 1, 0, 0, 1, 0, 2, 0.0, 15.0, 90.0, 60.0, 60.0, 0.0, 1.0),
                row("sales", H12, H13, 4, 2, 2, 1, 0, 0, 1, 33.33, 17.5, 40.0, 160.0, 180.0, 50.0, 5.33),
                row("support", H12, H13, 2, 1, 0, 0, 0, 1, 0, 50.0, 28.0, 45.0, 300.0, 360.0, 0.0, 5.0),
                row("support", H13, H14, 2, 1, 1, 1, 0, 0, 1, 100.0, 5.0, 5.0, 90.0, 120.0, 50.0, 1.5));
    }

    /** Day bounds are exact: c13 a millisecond before from and c12 at to are out. */
    @DialectTest
    void byDepartmentByDay(Dialect dialect) throws Exception {
        Report report = run(dialect, By.DEPARTMENT, Group.DAY, Instant.parse(MAY6), Instant.parse(MAY7));
        assertRows(report,
                row("Sales", MAY6, MAY7, 6, 3, 2, 1, 1, 0, 3, 20.0, 16.67, 90.0, 126.67, 140.0, 33.33, 6.33),
                row("Support", MAY6, MAY7, 4, 2, 1, 1, 0, 1, 1, 66.67, 16.5, 45.0, 195.0, 240.0, 25.0, 6.5));
    }

    /** carol was paused for lunch when the range began; dave had logged off before it: no row. */
    @DialectTest
    void byAgentOverTheRange(Dialect dialect) throws Exception {
        Report report = run(dialect, By.AGENT, Group.RANGE, at("09:00:00"), at("11:00:00"));
        assertEquals(agentColumns(), report.columns());
        assertRows(report,
                row("alice", H12, H14, 2, 2, 0, 0, 0, 0, 1, 50.0, 12.5, 15.0, 90.0, 105.0, 0.0, 3.0,
                        6600.0, 900.0, 0.0, 900.0, 0.0, 3.18),
                row("bob", H12, H14, 1, 1, 0, 0, 0, 0, 2, 0.0, 25.0, 25.0, 200.0, 210.0, 0.0, 3.33,
                        7200.0, 600.0, 600.0, 0.0, 0.0, 2.92),
                row("carol", H12, H14, 2, 2, 0, 0, 0, 0, 1, 100.0, 16.5, 28.0, 195.0, 240.0, 0.0, 6.5,
                        7200.0, 600.0, 0.0, 600.0, 0.0, 6.67),
                row("erin", H12, H14, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0.0,
                        1800.0, 1200.0, 0.0, 0.0, 1200.0, 0.0));
    }

    @DialectTest
    void byAgentByHour(Dialect dialect) throws Exception {
        Report report = run(dialect, By.AGENT, Group.HOUR, at("09:00:00"), at("11:00:00"));
        assertEquals(agentColumns(), report.columns());
        assertRows(report,
                row("alice", H12, H13, 1, 1, 0, 0, 0, 0, 1, 100.0, 10.0, 10.0, 120.0, 150.0, 0.0, 2.0,
                        3600.0, 900.0, 0.0, 900.0, 0.0, 4.17),
                row("alice", H13, H14, 1, 1, 0, 0, 0, 0, 0, 0.0, 15.0, 15.0, 60.0, 60.0, 0.0, 1.0,
                        3000.0, 0.0, 0.0, 0.0, 0.0, 2.0),
                row("bob", H12, H13, 1, 1, 0, 0, 0, 0, 0, 0.0, 25.0, 25.0, 200.0, 210.0, 0.0, 3.33,
                        3600.0, 0.0, 0.0, 0.0, 0.0, 5.83),
                row("bob", H13, H14, 0, 0, 0, 0, 0, 0, 2, null, null, null, null, null, null, 0.0,
                        3600.0, 600.0, 600.0, 0.0, 0.0, 0.0),
                row("carol", H12, H13, 1, 1, 0, 0, 0, 0, 0, 100.0, 28.0, 28.0, 300.0, 360.0, 0.0, 5.0,
                        3600.0, 600.0, 0.0, 600.0, 0.0, 10.0),
                row("carol", H13, H14, 1, 1, 0, 0, 0, 0, 1, 100.0, 5.0, 5.0, 90.0, 120.0, 0.0, 1.5,
                        3600.0, 0.0, 0.0, 0.0, 0.0, 3.33),
                row("erin", H13, H14, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0.0,
                        1800.0, 1200.0, 0.0, 0.0, 1200.0, 0.0));
    }

    /**
     * The day is not over at noon UTC: bob and erin, still logged in, get time up to now only.
     * carol's login the evening before counts from the day's start (21:00 UTC on May 5).
     */
    @DialectTest
    void byAgentByDayCountsUpToNow(Dialect dialect) throws Exception {
        Report report = run(dialect, By.AGENT, Group.DAY, Instant.parse(MAY6), Instant.parse(MAY7));
        assertRows(report,
                row("alice", MAY6, MAY7, 2, 2, 0, 0, 0, 0, 1, 50.0, 12.5, 15.0, 90.0, 105.0, 0.0, 3.0,
                        10200.0, 900.0, 0.0, 900.0, 0.0, 2.06),
                row("bob", MAY6, MAY7, 1, 1, 0, 0, 0, 0, 2, 0.0, 25.0, 25.0, 200.0, 210.0, 0.0, 3.33,
                        10800.0, 600.0, 600.0, 0.0, 0.0, 1.94),
                row("carol", MAY6, MAY7, 2, 2, 0, 0, 0, 0, 1, 100.0, 16.5, 28.0, 195.0, 240.0, 0.0, 6.5,
                        52200.0, 2400.0, 0.0, 2400.0, 0.0, 0.92),
                row("dave", MAY6, MAY7, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0.0,
                        3600.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                row("erin", MAY6, MAY7, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0.0,
                        5400.0, 4800.0, 0.0, 0.0, 4800.0, 0.0));
    }

    static Report run(Dialect dialect, By by, Group group, Instant from, Instant to) throws Exception {
        try (ReportDatabases db = ReportDatabases.open(dialect)) {
            DayOfCalls.insert(new ReportRows(db.dataSource()));
            SqlReports reports = new SqlReports(db.dataSource(), DayOfCalls.SERVICE_LEVELS::get, NOON_UTC);
            return reports.run(new ReportRequest(by, group, from, to, TALLINN));
        }
    }

    static List<String> agentColumns() {
        List<String> columns = new ArrayList<>(CALL_COLUMNS);
        columns.addAll(AGENT_COLUMNS);
        return columns;
    }

    /** A report row: ints become the Longs reports hold. */
    static List<Object> row(Object... values) {
        return Arrays.stream(values).map(v -> v instanceof Integer i ? (Object) i.longValue() : v).toList();
    }

    @SafeVarargs
    static void assertRows(Report report, List<Object>... expected) {
        assertEquals(expected.length, report.rows().size(), () -> "rows: " + report.rows());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], report.rows().get(i), "row " + i + ", columns " + report.columns());
        }
    }
}
