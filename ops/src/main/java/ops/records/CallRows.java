package ops.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The {@code calls} table's columns in {@link CallRecord}'s order: one list for writing and reading. */
final class CallRows {
    static final String COLUMNS = "call_id, server, arrived_ms, queued_ms, answered_ms, ended_ms, dialed,"
            + " caller_number, caller_name, source, entry, menu_path, keys, queue_id, department, agent_id,"
            + " outcome, wait_ms, talk_ms, wrapup_ms, rings_tried, rings_missed, agents_rung, recording_file,"
            + " voicemail_file, hangup_side";
    static final String INSERT = "INSERT INTO calls (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private CallRows() {
    }

    static void bind(PreparedStatement ps, CallRecord r) throws SQLException {
        int i = 0;
        ps.setString(++i, r.callId());
        ps.setString(++i, r.server());
        ps.setLong(++i, r.arrivedMs());
        setLong(ps, ++i, r.queuedMs());
        setLong(ps, ++i, r.answeredMs());
        ps.setLong(++i, r.endedMs());
        for (String s : new String[] {r.dialed(), r.callerNumber(), r.callerName(), r.source(), r.entry(),
                r.menuPath(), r.keys(), r.queueId(), r.department(), r.agentId(), r.outcome()}) {
            ps.setString(++i, s);
        }
        ps.setLong(++i, r.waitMs());
        ps.setLong(++i, r.talkMs());
        ps.setLong(++i, r.wrapUpMs());
        ps.setInt(++i, r.ringsTried());
        ps.setInt(++i, r.ringsMissed());
        ps.setString(++i, r.agentsRung());
        ps.setString(++i, r.recordingFile());
        ps.setString(++i, r.voicemailFile());
        ps.setString(++i, r.hangupSide());
    }

    static CallRecord read(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getString(1), rs.getString(2), rs.getLong(3), getLong(rs, 4), getLong(rs, 5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getLong(18), rs.getLong(19), rs.getLong(20), rs.getInt(21),
                rs.getInt(22), rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26));
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
