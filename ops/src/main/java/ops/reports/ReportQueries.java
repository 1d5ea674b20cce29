package ops.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind a report: plain SQL both SQLite and PostgreSQL run unchanged, each reading only
 * the columns it needs once; everything else is done in Java.
 */
final class ReportQueries {
    private static final String STATUS_EVENTS = "('AGENTLOGIN', 'AGENTLOGOFF', 'PAUSE', 'UNPAUSE')";

    private ReportQueries() {
    }

    /** Calls that arrived in [fromMs, toMs) and have a key (their department, queue or answering agent). */
    static List<CallRow> calls(Connection c, ReportRequest.By by, long fromMs, long toMs) throws SQLException {
        String keyColumn = switch (by) {
            case DEPARTMENT -> "department";
            case QUEUE -> "queue_id";
            case AGENT -> "agent_id";
        };
        String sql = "SELECT " + keyColumn + ", queue_id, arrived_ms, answered_ms, outcome, wait_ms, talk_ms,"
                + " wrapup_ms, rings_missed FROM calls"
                + " WHERE arrived_ms >= ? AND arrived_ms < ? AND " + keyColumn + " IS NOT NULL";
        List<CallRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, fromMs);
            s.setLong(2, toMs);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long answered = r.getLong(4);
                    Long answeredMs = r.wasNull() ? null : answered;
                    rows.add(new CallRow(r.getString(1), r.getString(2), r.getLong(3), answeredMs, r.getString(5),
                            r.getLong(6), r.getLong(7), r.getLong(8), r.getInt(9)));
                }
            }
        }
        return rows;
    }

    /**
     * Each agent's last status event before {@code fromMs} (what they were doing when the range
     * starts), then every status event in [fromMs, toMs), in time order.
     */
    static List<AgentEvent> statusEvents(Connection c, long fromMs, long toMs) throws SQLException {
        String lookBack = "SELECT e.agent_id, e.at_ms, e.event, e.data1 FROM events e"
                + " JOIN (SELECT agent_id, MAX(at_ms) AS last_ms FROM events"
                + " WHERE event IN " + STATUS_EVENTS + " AND at_ms < ? GROUP BY agent_id) l"
                + " ON e.agent_id = l.agent_id AND e.at_ms = l.last_ms"
                + " WHERE e.event IN " + STATUS_EVENTS + " ORDER BY e.at_ms, e.id";
        // several events at the same last millisecond: the one written last wins
        Map<String, AgentEvent> last = new LinkedHashMap<>();
        for (AgentEvent e : read(c, lookBack, fromMs)) {
            last.put(e.agentId(), e);
        }
        List<AgentEvent> events = new ArrayList<>(last.values());
        events.addAll(read(c, "SELECT agent_id, at_ms, event, data1 FROM events WHERE event IN " + STATUS_EVENTS
                + " AND at_ms >= ? AND at_ms < ? ORDER BY at_ms, id", fromMs, toMs));
        return events;
    }

    /** RINGNOANSWER events in [fromMs, toMs): an agent rang and did not answer. */
    static List<AgentEvent> missedRings(Connection c, long fromMs, long toMs) throws SQLException {
        return read(c, "SELECT agent_id, at_ms, event, data1 FROM events WHERE event = 'RINGNOANSWER'"
                + " AND agent_id <> 'NONE' AND at_ms >= ? AND at_ms < ?", fromMs, toMs);
    }

    private static List<AgentEvent> read(Connection c, String sql, long... params) throws SQLException {
        List<AgentEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setLong(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new AgentEvent(r.getString(1), r.getLong(2), r.getString(3), r.getString(4)));
                }
            }
        }
        return events;
    }
}
