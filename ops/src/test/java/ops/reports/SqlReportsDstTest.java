package ops.reports;

import static ops.reports.SqlReportsTest.assertRows;
import static ops.reports.SqlReportsTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import ops.reports.ReportDatabases.Dialect;
import ops.reports.ReportRequest.By;
import ops.reports.ReportRequest.Group;

/**
 * Day buckets in New York across the 2024 switches: calls half an hour either side of local
 * midnight land on their local day, not the UTC one, and the short and long days keep 23 and 25
 * hours of logged-in time.
 */
class SqlReportsDstTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final InstantSource LATER = InstantSource.fixed(Instant.parse("2025-01-01T00:00:00Z"));

    @DialectTest
    void daysAcrossSpringForward(Dialect dialect) throws Exception {
        Report report = run(dialect, By.AGENT, List.of("2024-03-09T23:30-05:00", "2024-03-10T00:30-05:00",
                "2024-03-10T23:30-04:00", "2024-03-11T00:30-04:00"),
                "2024-03-10T00:00-05:00", "2024-03-11T00:00-04:00", "2024-03-09T00:00-05:00", "2024-03-12T00:00-04:00");
        assertRows(report,
                agentRow("2024-03-09T00:00:00-05:00", "2024-03-10T00:00:00-05:00", 1, 0.0, null),
                agentRow("2024-03-10T00:00:00-05:00", "2024-03-11T00:00:00-04:00", 2, 82800.0, 0.14),
                agentRow("2024-03-11T00:00:00-04:00", "2024-03-12T00:00:00-04:00", 1, 0.0, null));
    }

    @DialectTest
    void daysAcrossFallBack(Dialect dialect) throws Exception {
        Report report = run(dialect, By.AGENT, List.of("2024-11-03T00:30-04:00", "2024-11-03T23:30-05:00",
                "2024-11-04T00:30-05:00"),
                "2024-11-03T00:00-04:00", "2024-11-04T00:00-05:00", "2024-11-03T00:00-04:00", "2024-11-05T00:00-05:00");
        assertRows(report,
                agentRow("2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00", 2, 90000.0, 0.13),
                agentRow("2024-11-04T00:00:00-05:00", "2024-11-05T00:00:00-05:00", 1, 0.0, null));
        Report byQueue = run(dialect, By.QUEUE, List.of("2024-11-03T00:30-04:00", "2024-11-03T23:30-05:00"),
                "2024-11-03T00:00-04:00", "2024-11-04T00:00-05:00", "2024-11-03T00:00-04:00", "2024-11-05T00:00-05:00");
        assertEquals(1, byQueue.rows().size(), () -> "rows: " + byQueue.rows());
        assertEquals(List.of("sales", "2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00", 2L),
                byQueue.rows().get(0).subList(0, 4));
    }

    /** alice answers each call after 1 s and talks for 60 s; she is logged in from login to logoff. */
    private static Report run(Dialect dialect, By by, List<String> arrivals, String login, String logoff,
            String from, String to) throws Exception {
        try (ReportDatabases db = ReportDatabases.open(dialect)) {
            ReportRows rows = new ReportRows(db.dataSource());
            for (int i = 0; i < arrivals.size(); i++) {
                rows.answered("d" + i, "sales", "Sales", instant(arrivals.get(i)), 1_000, "alice", 60_000, 0, 0);
            }
            rows.status(instant(login), "alice", "AGENTLOGIN");
            rows.status(instant(logoff), "alice", "AGENTLOGOFF");
            SqlReports reports = new SqlReports(db.dataSource(), Map.<String, java.time.Duration>of()::get, LATER);
            return reports.run(new ReportRequest(by, Group.DAY, instant(from), instant(to), NEW_YORK));
        }
    }

    private static List<Object> agentRow(String start, String end, int calls, double loggedInS, Double occupancy) {
        return row("alice", start, end, calls, calls, 0, 0, 0, 0, 0, 100.0, 1.0, 1.0, 60.0, 60.0, 0.0,
                calls * 1.0, loggedInS, 0.0, occupancy);
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
