package ops.reports;

import acd.agent.AgentStatus;
import acd.agent.RestoredStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Reports over the {@code calls} and {@code events} tables of SQLite or PostgreSQL with the same
 * plain SQL: each report reads the columns it needs for the calls that arrived in [from, to)
 * once, and cuts periods and adds figures up in Java, so time zones and DST are java.time's and
 * no SQL dialect is involved. A month of calls (a few hundred thousand rows) fits in memory.
 *
 * <p>Rows: one per key (department, queue, or agent who answered) per period with some calls or,
 * for agents, some missed ring or logged-in time, sorted by key then period. Calls without the
 * key (for a queue or department: calls that never reached a queue) are not in any row. Periods
 * are clipped to [from, to), so {@code period_start} is {@code from} when the range starts
 * inside a period. Times are ISO-8601 with the zone's offset at that instant.
 *
 * <p>Columns and their formulas (a call counts in the period it arrived in; seconds and
 * percentages to two decimals, half up; null when the denominator is 0):
 * <ul>
 * <li>{@code offered}: calls with the key; {@code answered}: those an agent answered
 *     (answered_ms set, whatever came after, e.g. a transfer);</li>
 * <li>{@code abandoned}: outcome ABANDONED_QUEUE; {@code short_abandons}: those that waited less
 *     than 5 s, counted in {@code abandoned} too; {@code timed_out}: TIMED_OUT;
 *     {@code voicemails}: VOICEMAIL;</li>
 * <li>{@code missed_rings}: the calls' rings_missed for a department or queue, the agent's
 *     RINGNOANSWER events (in the period they happened) for an agent;</li>
 * <li>{@code service_level_pct} = 100 × answered with wait ≤ the queue's threshold
 *     / (offered − short_abandons);</li>
 * <li>{@code asa_s} = Σ wait of answered / answered; {@code longest_wait_s} = max wait of any
 *     offered call; {@code avg_talk_s} = Σ talk / answered; {@code aht_s} = Σ (talk + wrap-up)
 *     / answered;</li>
 * <li>{@code abandon_rate_pct} = 100 × abandoned / offered (short abandons included);
 *     {@code call_minutes} = Σ talk / 60.</li>
 * </ul>
 * Agent rows add {@code logged_in_s} (paused time included), {@code paused_s}, one
 * {@code paused_<reason>_s} per pause reason seen in the report (see {@link AgentTime} for the
 * rules, including an agent logged in before the range starts), and {@code occupancy_pct} =
 * 100 × Σ (talk + wrap-up) / logged_in; talk counts in the period the call arrived in.
 */
public final class SqlReports implements Reports {
    /** The service level threshold of a queue without its own. */
    public static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);
    /** A caller who gives up sooner is a short abandon: counted for or against no service level. */
    public static final long SHORT_ABANDON_MS = 5_000;

    private static final List<String> KEY_COLUMNS = List.of("key", "period_start", "period_end");

    private final DataSource dataSource;
    private final Function<String, Duration> serviceLevels;
    private final InstantSource clock;

    /** Every queue with the default 20 s service level threshold. */
    public SqlReports(DataSource dataSource) {
        this(dataSource, queue -> null);
    }

    /**
     * @param serviceLevels a queue id's service level threshold; null for the default 20 s
     */
    public SqlReports(DataSource dataSource, Function<String, Duration> serviceLevels) {
        this(dataSource, serviceLevels, InstantSource.system());
    }

    /** @param clock now, so an agent still logged in is not credited with time to come */
    public SqlReports(DataSource dataSource, Function<String, Duration> serviceLevels, InstantSource clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Report run(ReportRequest request) {
        Periods periods = Periods.of(request);
        long fromMs = request.from().toEpochMilli();
        long toMs = request.to().toEpochMilli();
        boolean byAgent = request.by() == ReportRequest.By.AGENT;
        List<CallRow> calls;
        List<AgentEvent> statusEvents = List.of();
        List<AgentEvent> missedRings = List.of();
        try (Connection c = dataSource.getConnection()) {
            calls = ReportQueries.calls(c, request.by(), fromMs, toMs);
            if (byAgent) {
                statusEvents = ReportQueries.statusEvents(c, fromMs, toMs);
                missedRings = ReportQueries.missedRings(c, fromMs, toMs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading calls and events for a report by " + request.by()
                    + " from " + request.from() + " to " + request.to() + " failed: " + e.getMessage(), e);
        }
        Map<String, CallTally[]> tallies = tally(calls, periods, !byAgent);
        if (!byAgent) {
            return new Report(columns(List.of()), rows(tallies, periods, null));
        }
        for (AgentEvent ring : missedRings) {
            tallyOf(tallies, ring.agentId(), periods, periods.indexOf(ring.atMs())).addMissedRings(1);
        }
        AgentTime time = AgentTime.of(statusEvents, periods, clock.millis());
        return new Report(columns(agentColumns(time.reasons())), rows(tallies, periods, time));
    }

    /**
     * Each agent's status as their last status event in the records left it, for a start: paused
     * with the reason, logged out, or available (logged in or unpaused last).
     */
    public Map<String, RestoredStatus> lastStatuses() {
        long afterNow = clock.millis() + 1;
        Map<String, RestoredStatus> statuses = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (AgentEvent e : ReportQueries.statusEvents(c, afterNow, afterNow)) {
                statuses.put(e.agentId(), switch (e.event()) {
                    case "PAUSE" -> new RestoredStatus(AgentStatus.PAUSED, e.data1());
                    case "AGENTLOGOFF" -> new RestoredStatus(AgentStatus.LOGGED_OUT, null);
                    default -> new RestoredStatus(AgentStatus.AVAILABLE, null);
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the agents' last status events failed: " + e.getMessage(), e);
        }
        return statuses;
    }

    /** @param ringsFromCalls false for agent rows: their missed rings are their own RINGNOANSWER events */
    private Map<String, CallTally[]> tally(List<CallRow> calls, Periods periods, boolean ringsFromCalls) {
        Map<String, CallTally[]> tallies = new TreeMap<>();
        Map<String, Long> thresholdsMs = new HashMap<>();
        for (CallRow call : calls) {
            long thresholdMs = thresholdsMs.computeIfAbsent(call.queueId(), q -> threshold(q).toMillis());
            CallTally tally = tallyOf(tallies, call.key(), periods, periods.indexOf(call.arrivedMs()));
            tally.add(call, thresholdMs);
            if (ringsFromCalls) {
                tally.addMissedRings(call.ringsMissed());
            }
        }
        return tallies;
    }

    private Duration threshold(String queueId) {
        Duration threshold = queueId == null ? null : serviceLevels.apply(queueId);
        return threshold == null ? DEFAULT_SERVICE_LEVEL : threshold;
    }

    private static CallTally tallyOf(Map<String, CallTally[]> tallies, String key, Periods periods, int period) {
        CallTally[] row = tallies.computeIfAbsent(key, k -> new CallTally[periods.count()]);
        return row[period] == null ? row[period] = new CallTally() : row[period];
    }

    private static List<String> columns(List<String> agentColumns) {
        List<String> columns = new ArrayList<>(KEY_COLUMNS);
        columns.addAll(CallTally.COLUMNS);
        columns.addAll(agentColumns);
        return columns;
    }

    private static List<String> agentColumns(SortedSet<String> reasons) {
        List<String> columns = new ArrayList<>(List.of("logged_in_s", "paused_s"));
        reasons.forEach(reason -> columns.add("paused_" + reason + "_s"));
        columns.add("occupancy_pct");
        return columns;
    }

    /** @param time null for a department or queue report */
    private static List<List<Object>> rows(Map<String, CallTally[]> tallies, Periods periods, AgentTime time) {
        SortedSet<String> keys = new TreeSet<>(tallies.keySet());
        if (time != null) {
            keys.addAll(time.agents());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String key : keys) {
            CallTally[] keyTallies = tallies.get(key);
            for (int p = 0; p < periods.count(); p++) {
                CallTally tally = keyTallies == null ? null : keyTallies[p];
                AgentTime.Totals totals = time == null ? null : time.totals(key, p);
                if (tally == null && totals == null) {
                    continue;
                }
                tally = tally == null ? new CallTally() : tally;
                List<Object> row = new ArrayList<>(List.of(key, iso(periods, p, true), iso(periods, p, false)));
                row.addAll(tally.values());
                if (time != null) {
                    row.addAll(agentValues(totals == null ? new AgentTime.Totals() : totals, tally, time.reasons()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Object> agentValues(AgentTime.Totals totals, CallTally tally, SortedSet<String> reasons) {
        List<Object> values = new ArrayList<>();
        values.add(CallTally.ratio(totals.loggedInMs, 1000));
        values.add(CallTally.ratio(totals.pausedMs, 1000));
        for (String reason : reasons) {
            values.add(CallTally.ratio(totals.pausedMsByReason.getOrDefault(reason, 0L), 1000));
        }
        values.add(CallTally.ratio(100 * tally.handleMs(), totals.loggedInMs));
        return values;
    }

    private static String iso(Periods periods, int period, boolean start) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start ? periods.start(period) : periods.end(period));
    }
}
