package ops.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Writes call records and events for report tests, with only the columns reports read set. */
final class ReportRows {
    private final DataSource dataSource;

    ReportRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A call an agent answered after {@code waitMs} in the queue, arriving straight into it. */
    void answered(String id, String queue, String department, Instant arrived, long waitMs, String agent,
            long talkMs, long wrapupMs, int ringsMissed) throws SQLException {
        long arrivedMs = arrived.toEpochMilli();
        call(id, queue, department, agent, "ANSWERED", arrivedMs, arrivedMs + waitMs,
                arrivedMs + waitMs + talkMs, waitMs, talkMs, wrapupMs, ringsMissed);
    }

    /** A call that left unanswered after {@code waitMs} with {@code outcome}. */
    void unanswered(String id, String queue, String department, Instant arrived, long waitMs, String outcome,
            int ringsMissed) throws SQLException {
        long arrivedMs = arrived.toEpochMilli();
        call(id, queue, department, null, outcome, arrivedMs, null, arrivedMs + waitMs, waitMs, 0, 0, ringsMissed);
    }

    private void call(String id, String queue, String department, String agent, String outcome, long arrivedMs,
            Long answeredMs, long endedMs, long waitMs, long talkMs, long wrapupMs, int ringsMissed)
            throws SQLException {
        String sql = "INSERT INTO calls (call_id, server, arrived_ms, queued_ms, answered_ms, ended_ms, queue_id,"
                + " department, agent_id, outcome, wait_ms, talk_ms, wrapup_ms, rings_missed)"
                + " VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setLong(2, arrivedMs);
            s.setObject(3, queue == null ? null : arrivedMs, java.sql.Types.BIGINT);
            s.setObject(4, answeredMs, java.sql.Types.BIGINT);
            s.setLong(5, endedMs);
            s.setString(6, queue);
            s.setString(7, department);
            s.setString(8, agent);
            s.setString(9, outcome);
            s.setLong(10, waitMs);
            s.setLong(11, talkMs);
            s.setLong(12, wrapupMs);
            s.setInt(13, ringsMissed);
            s.executeUpdate();
        }
    }

    /** An agent event (status, or RINGNOANSWER with its call); {@code data1} is a PAUSE's reason. */
    void event(Instant at, String agent, String event, String callId, String data1) throws SQLException {
        String sql = "INSERT INTO events (at_ms, server, call_id, queue_id, agent_id, event, data1)"
                + " VALUES (?, 'test', ?, 'NONE', ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, at.toEpochMilli());
            s.setString(2, callId == null ? "NONE" : callId);
            s.setString(3, agent);
            s.setString(4, event);
            s.setString(5, data1);
            s.executeUpdate();
        }
    }

    void status(Instant at, String agent, String event) throws SQLException {
        event(at, agent, event, null, null);
    }

    void pause(Instant at, String agent, String reason) throws SQLException {
        event(at, agent, "PAUSE", null, reason);
    }

    void missedRing(Instant at, String agent, String callId) throws SQLException {
        event(at, agent, "RINGNOANSWER", callId, null);
    }
}
