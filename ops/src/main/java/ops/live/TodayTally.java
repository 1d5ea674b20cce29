package ops.live;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import ops.reports.Report;
import ops.reports.ReportRequest;
import ops.reports.Reports;
import ops.reports.SqlReports;

/**
 * Each queue's calls today (since local midnight in the server's zone), counted as the core
 * ends them, for the wallboard: the report's definitions (offered, answered, answered within the
 * service level, abandoned, short abandons under 5 s, timed out) without a query per snapshot.
 * Seeded from the reports at start so a restart keeps the day. Counted on the core's thread,
 * read from any other; the lock is held for a few additions only.
 */
public final class TodayTally implements AcdEventListener {
    /** One queue's figures today; {@code serviceLevel} is within / (offered − short abandons), null when 0. */
    public record Today(long offered, long answered, long answeredWithinSl, long abandoned, long shortAbandons,
                        long timedOut, Double serviceLevel) {
        public static final Today NONE = new Today(0, 0, 0, 0, 0, 0, null);
    }

    /** Counters of one queue, in the order of {@link Today}'s components. */
    private static final class Counts {
        long offered;
        long answered;
        long within;
        long abandoned;
        long shortAbandons;
        long timedOut;

        Today today() {
            long counted = offered - shortAbandons;
            return new Today(offered, answered, within, abandoned, shortAbandons, timedOut,
                    counted <= 0 ? null : (double) within / counted);
        }
    }

    private final LongSupplier clock;
    private final ZoneId zone;
    private final Function<String, Duration> serviceLevels;
    private final Map<String, Counts> byQueue = new HashMap<>();
    private LocalDate day;

    /**
     * @param serviceLevels a queue's service-level threshold, or null for the report's default
     *                      ({@link SqlReports#DEFAULT_SERVICE_LEVEL}); called on the core's thread
     */
    public TodayTally(LongSupplier clock, ZoneId zone, Function<String, Duration> serviceLevels) {
        this.clock = clock;
        this.zone = zone;
        this.serviceLevels = serviceLevels;
        this.day = dayAt(clock.getAsLong());
    }

    @Override
    public void onEvent(AcdEvent event) {
        if (event instanceof AcdEvent.CallEnded e && e.queueId() != null) {
            Duration sl = serviceLevels.apply(e.queueId());
            add(e.queueId(), e.outcome(), e.waitMs(), (sl == null ? SqlReports.DEFAULT_SERVICE_LEVEL : sl).toMillis());
        }
    }

    private synchronized void add(String queueId, CallOutcome outcome, long waitMs, long slMs) {
        rollOver();
        Counts c = byQueue.computeIfAbsent(queueId, q -> new Counts());
        c.offered++;
        if (outcome.answered()) {
            c.answered++;
            if (waitMs <= slMs) {
                c.within++;
            }
        } else if (outcome == CallOutcome.ABANDONED) {
            c.abandoned++;
            if (waitMs < SqlReports.SHORT_ABANDON_MS) {
                c.shortAbandons++;
            }
        } else if (outcome == CallOutcome.TIMED_OUT) {
            c.timedOut++;
        }
    }

    /** The queue's figures today (all zero for a queue with no call yet). */
    public synchronized Today of(String queueId) {
        rollOver();
        Counts c = byQueue.get(queueId);
        return c == null ? Today.NONE : c.today();
    }

    /** A new day starts from nothing. */
    private void rollOver() {
        LocalDate now = dayAt(clock.getAsLong());
        if (!now.equals(day)) {
            byQueue.clear();
            day = now;
        }
    }

    private LocalDate dayAt(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate();
    }

    /**
     * Adds what the records hold for today so far (a restart keeps the day). Call once before
     * the tally hears the core, or the calls in between count twice.
     */
    public synchronized void seed(Reports reports) {
        var report = todaysReport(reports, ReportRequest.By.QUEUE);
        List<String> cols = report.columns();
        for (List<Object> row : report.rows()) {
            Counts c = byQueue.computeIfAbsent((String) row.get(cols.indexOf("key")), q -> new Counts());
            c.offered += number(row, cols, "offered");
            c.answered += number(row, cols, "answered");
            c.abandoned += number(row, cols, "abandoned");
            c.shortAbandons += number(row, cols, "short_abandons");
            c.timedOut += number(row, cols, "timed_out");
            c.within += within(row, cols);
        }
    }

    /**
     * Calls each agent answered today as the records hold them, for the core's counts after a
     * restart (the tally itself counts queues, not agents).
     */
    public synchronized Map<String, Integer> answeredByAgent(Reports reports) {
        var report = todaysReport(reports, ReportRequest.By.AGENT);
        List<String> cols = report.columns();
        Map<String, Integer> answered = new HashMap<>();
        for (List<Object> row : report.rows()) {
            int n = (int) number(row, cols, "answered");
            if (n > 0) {
                answered.put((String) row.get(cols.indexOf("key")), n);
            }
        }
        return answered;
    }

    /** The records' report from local midnight until now, one row per key. */
    private Report todaysReport(Reports reports, ReportRequest.By by) {
        rollOver();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = Instant.ofEpochMilli(clock.getAsLong() + 1);
        return reports.run(new ReportRequest(by, ReportRequest.Group.RANGE, from, to, zone));
    }

    private static long number(List<Object> row, List<String> cols, String column) {
        Object v = row.get(cols.indexOf(column));
        return v == null ? 0 : ((Number) v).longValue();
    }

    /**
     * The report gives the percentage to two decimals, not the count: the count is the only
     * integer that rounds to it while fewer than 10,000 calls are counted in a day.
     */
    private static long within(List<Object> row, List<String> cols) {
        Object pct = row.get(cols.indexOf("service_level_pct"));
        long counted = number(row, cols, "offered") - number(row, cols, "short_abandons");
        return pct == null ? 0 : Math.round(((Number) pct).doubleValue() * counted / 100);
    }
}
