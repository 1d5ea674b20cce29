package ops.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Logged-in and paused time per agent per period, from the agents' status events replayed in
 * time order and clipped to the periods.
 *
 * <p>An agent's status when the range starts is the one set by their last status event before
 * it: AGENTLOGIN or UNPAUSE means logged in and available, PAUSE logged in and paused for its
 * reason (PAUSED is a logged-in status in acd-core, whatever came before), AGENTLOGOFF or no event at all logged out. Time
 * is counted up to the end of the range or {@code endMs} (now), whichever comes first, so an
 * agent still logged in is not credited with the future.
 */
final class AgentTime {
    /** One agent's time in one period. */
    static final class Totals {
        long loggedInMs;
        long pausedMs;
        final Map<String, Long> pausedMsByReason = new HashMap<>();
    }

    private record Status(boolean loggedIn, String pauseReason, long sinceMs) {
    }

    private final Periods periods;
    private final long endMs;
    private final Map<String, Totals[]> byAgent = new TreeMap<>();
    private final SortedSet<String> reasons = new TreeSet<>();

    private AgentTime(Periods periods, long endMs) {
        this.periods = periods;
        this.endMs = Math.min(endMs, periods.endMs(periods.count() - 1));
    }

    /** {@code events}: each agent's last status event before the range, then the range's, in time order. */
    static AgentTime of(List<AgentEvent> events, Periods periods, long endMs) {
        AgentTime time = new AgentTime(periods, endMs);
        Map<String, Status> statuses = new HashMap<>();
        for (AgentEvent e : events) {
            Status before = statuses.get(e.agentId());
            if (before != null) {
                time.add(e.agentId(), before, e.atMs());
            }
            statuses.put(e.agentId(), next(e));
        }
        statuses.forEach((agent, status) -> time.add(agent, status, time.endMs));
        return time;
    }

    private static Status next(AgentEvent e) {
        return switch (e.event()) {
            case "AGENTLOGIN", "UNPAUSE" -> new Status(true, null, e.atMs());
            case "PAUSE" -> new Status(true, reasonName(e.data1()), e.atMs());
            case "AGENTLOGOFF" -> new Status(false, null, e.atMs());
            default -> throw new IllegalArgumentException("not a status event: " + e.event());
        };
    }

    /** A reason as it appears in a column name: lower case, runs of other than [a-z0-9] as one '_'. */
    static String reasonName(String reason) {
        String name = reason == null ? "" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return name.isEmpty() ? "unspecified" : name;
    }

    /** Credits {@code status}, held until {@code untilMs}, to the periods it overlaps. */
    private void add(String agent, Status status, long untilMs) {
        if (!status.loggedIn()) {
            return;
        }
        long startMs = Math.max(status.sinceMs(), periods.startMs(0));
        long stopMs = Math.min(untilMs, endMs);
        if (stopMs <= startMs) {
            return;
        }
        Totals[] totals = byAgent.computeIfAbsent(agent, a -> new Totals[periods.count()]);
        for (int p = periods.indexOf(startMs); p < periods.count() && periods.startMs(p) < stopMs; p++) {
            long ms = Math.min(stopMs, periods.endMs(p)) - Math.max(startMs, periods.startMs(p));
            Totals t = totals[p] == null ? totals[p] = new Totals() : totals[p];
            t.loggedInMs += ms;
            if (status.pauseReason() != null) {
                t.pausedMs += ms;
                t.pausedMsByReason.merge(status.pauseReason(), ms, Long::sum);
                reasons.add(status.pauseReason());
            }
        }
    }

    /** Agents with some logged-in time in the range. */
    Set<String> agents() {
        return byAgent.keySet();
    }

    /** The agent's time in the period, or null when they were logged out all of it. */
    Totals totals(String agent, int period) {
        Totals[] totals = byAgent.get(agent);
        return totals == null ? null : totals[period];
    }

    /** Every pause reason seen in the range, sorted, as in {@link #reasonName}. */
    SortedSet<String> reasons() {
        return reasons;
    }
}
