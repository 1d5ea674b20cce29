package ops.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.event.AcdEvent.CallAnswered;
import acd.event.AcdEvent.CallEnded;
import acd.event.AcdEvent.CallQueued;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import ops.records.CallFacts.EndCause;
import ops.records.CallJournal;
import ops.records.Storage;
import ops.reports.Report;
import ops.reports.ReportRequest;
import ops.reports.SqlReports;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Today's tally against the report for the same calls: the core's events go to a real journal
 * (SQLite, and PostgreSQL when the test database is there) and to the tally; the report's
 * queue rows must say what the tally says. Also the seed after a restart and the new day.
 */
class TodayTallyTest {
    private static final long T = Instant.parse("2024-05-06T09:00:00Z").toEpochMilli();
    private static final long NOON = Instant.parse("2024-05-06T12:00:00Z").toEpochMilli();
    private static final long WAIT_MS = 5_000;
    /** sales has none of its own: the report's default 20 s, as for the tally. */
    private static final Function<String, Duration> SERVICE_LEVELS =
            q -> q.equals("support") ? Duration.ofSeconds(30) : null;

    private final AtomicLong clock = new AtomicLong(NOON);

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void theTallyCountsAsTheReportDoes(TestDatabases.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            Storage storage = Storage.open(db.settings("acd1"));
            TodayTally tally = new TodayTally(clock::get, ZoneOffset.UTC, SERVICE_LEVELS);
            CallJournal journal = CallJournal.start(storage, q -> "help");
            try {
                dayOfCalls(journal, tally);
                for (String id : List.of("s1", "s2", "s3", "s4", "s5", "p1", "p2")) {
                    awaitRecord(storage, id);
                }
            } finally {
                journal.close();
            }
            SqlReports reports = new SqlReports(storage.dataSource(), SERVICE_LEVELS);
            Report report = reports.run(new ReportRequest(ReportRequest.By.QUEUE, ReportRequest.Group.RANGE,
                    Instant.parse("2024-05-06T00:00:00Z"), Instant.ofEpochMilli(NOON + 1), ZoneOffset.UTC));
            for (List<Object> row : report.rows()) {
                String queue = (String) row.get(report.columns().indexOf("key"));
                assertSame(report, row, tally.of(queue));
            }
            assertEquals(new TodayTally.Today(5, 2, 1, 2, 1, 1, 0.25), tally.of("sales"));
            assertEquals(new TodayTally.Today(2, 1, 1, 1, 1, 0, 1.0), tally.of("support"));

            TodayTally restarted = new TodayTally(clock::get, ZoneOffset.UTC, SERVICE_LEVELS);
            restarted.seed(reports);
            assertEquals(tally.of("sales"), restarted.of("sales"));
            assertEquals(tally.of("support"), restarted.of("support"));
            assertEquals(Map.of("alice", 3), restarted.answeredByAgent(reports), "the agents' count of the day");
        }
    }

    @Test
    void aNewDayStartsFromNothing() {
        TodayTally tally = new TodayTally(clock::get, ZoneOffset.UTC, SERVICE_LEVELS);
        tally.onEvent(new CallEnded(T, "s1", "sales", "alice", CallOutcome.COMPLETED, 10_000, 60_000));
        assertEquals(1, tally.of("sales").offered());
        clock.set(Instant.parse("2024-05-06T23:59:59.999Z").toEpochMilli());
        assertEquals(1, tally.of("sales").offered());
        clock.set(Instant.parse("2024-05-07T00:00:00Z").toEpochMilli());
        assertEquals(TodayTally.Today.NONE, tally.of("sales"));
        tally.onEvent(new CallEnded(clock.get(), "s2", "sales", null, CallOutcome.ABANDONED, 30_000, 0));
        assertEquals(new TodayTally.Today(1, 0, 0, 1, 0, 0, 0.0), tally.of("sales"));
    }

    @Test
    void midnightIsTheServersZones() {
        // 2024-05-06 21:30 UTC is already May 7 in Tallinn (UTC+3)
        clock.set(Instant.parse("2024-05-06T20:30:00Z").toEpochMilli());
        TodayTally tally = new TodayTally(clock::get, java.time.ZoneId.of("Europe/Tallinn"), SERVICE_LEVELS);
        tally.onEvent(new CallEnded(clock.get(), "s1", "sales", "alice", CallOutcome.COMPLETED, 10_000, 60_000));
        clock.set(Instant.parse("2024-05-06T21:30:00Z").toEpochMilli());
        assertEquals(TodayTally.Today.NONE, tally.of("sales"));
    }

    private static void assertSame(Report report, List<Object> row, TodayTally.Today today) {
        Map<String, Long> expected = Map.of("offered", today.offered(), "answered", today.answered(),
                "abandoned", today.abandoned(), "short_abandons", today.shortAbandons(), "timed_out", today.timedOut());
        expected.forEach((column, value) -> assertEquals(value,
                ((Number) row.get(report.columns().indexOf(column))).longValue(), column + " of " + row));
        Object pct = row.get(report.columns().indexOf("service_level_pct"));
        assertEquals(pct, today.serviceLevel() == null ? null
                : Math.round(today.serviceLevel() * 10_000) / 100.0, "service level of " + row);
    }

    /** sales (20 s): within, over, short abandon, abandon, timed out; support (30 s): within, short abandon. */
    private static void dayOfCalls(CallJournal journal, TodayTally tally) {
        answered(journal, tally, "s1", "sales", T, 10_000);
        answered(journal, tally, "s2", "sales", T + 600_000, 25_000);
        unanswered(journal, tally, "s3", "sales", T + 1_200_000, 3_000, CallOutcome.ABANDONED);
        unanswered(journal, tally, "s4", "sales", T + 1_800_000, 40_000, CallOutcome.ABANDONED);
        unanswered(journal, tally, "s5", "sales", T + 2_400_000, 90_000, CallOutcome.TIMED_OUT);
        answered(journal, tally, "p1", "support", T + 900_000, 28_000);
        unanswered(journal, tally, "p2", "support", T + 1_500_000, 4_500, CallOutcome.ABANDONED);
    }

    private static void answered(CallJournal journal, TodayTally tally, String id, String queue, long at, long waitMs) {
        journal.arrived(id, at, "5000", "+372555" + id, null, "trunk1");
        core(journal, tally, new CallQueued(at + 100, id, queue, 0, 1, 0),
                new CallAnswered(at + 100 + waitMs, id, queue, "alice", waitMs),
                new CallEnded(at + 60_000 + waitMs, id, queue, "alice", CallOutcome.COMPLETED, waitMs, 60_000));
        journal.ended(id, at + 60_000 + waitMs, EndCause.AGENT_HUNG_UP);
    }

    private static void unanswered(CallJournal journal, TodayTally tally, String id, String queue, long at, long waitMs,
                                   CallOutcome outcome) {
        journal.arrived(id, at, "5000", "+372555" + id, null, "trunk1");
        core(journal, tally, new CallQueued(at + 100, id, queue, 0, 1, 0),
                new CallEnded(at + 100 + waitMs, id, queue, null, outcome, waitMs, 0));
        journal.ended(id, at + 100 + waitMs,
                outcome == CallOutcome.ABANDONED ? EndCause.CALLER_HUNG_UP : EndCause.SYSTEM_HUNG_UP);
    }

    private static void core(CallJournal journal, TodayTally tally, AcdEvent... events) {
        for (AcdEvent e : events) {
            journal.onEvent(e);
            tally.onEvent(e);
        }
    }

    private static void awaitRecord(Storage storage, String callId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (storage.records().get(callId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no record of " + callId + " within " + WAIT_MS + " ms");
            }
            Thread.sleep(5);
        }
    }
}
