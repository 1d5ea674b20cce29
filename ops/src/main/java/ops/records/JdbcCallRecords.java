package ops.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link CallRecords} on plain JDBC, the same SQL for SQLite and PostgreSQL. Each call opens its
 * own short-lived connection: admin queries are rare, and a connection per query survives a
 * database restart without any pool. Database failures surface as {@link RecordsUnavailable}.
 */
final class JdbcCallRecords implements CallRecords {
    private final Storage storage;

    JdbcCallRecords(Storage storage) {
        this.storage = storage;
    }

    @Override
    public List<CallRecord> find(CallQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + CallRows.COLUMNS + " FROM calls WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "arrived_ms >= ?", q.fromMs());
        where(sql, args, "arrived_ms < ?", q.toMs());
        where(sql, args, "queue_id = ?", q.queueId());
        where(sql, args, "agent_id = ?", q.agentId());
        where(sql, args, "outcome = ?", q.outcome());
        if (q.number() != null) {
            where(sql, args, "(dialed = ? OR caller_number = ?)", q.number());
            args.add(q.number());
        }
        if (q.file() != null) {
            sql.append(" AND ").append(q.file().column).append(" IS NOT NULL");
        }
        sql.append(" ORDER BY arrived_ms DESC, call_id DESC LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        return query(sql.toString(), args, CallRows::read);
    }

    @Override
    public Optional<CallRecord> get(String callId) {
        return query("SELECT " + CallRows.COLUMNS + " FROM calls WHERE call_id = ?", List.of(callId), CallRows::read)
                .stream().findFirst();
    }

    @Override
    public List<QueueEvent> events(String callId) {
        return query("SELECT at_ms, call_id, queue_id, agent_id, event, data1, data2, data3, data4, data5"
                + " FROM events WHERE call_id = ? ORDER BY at_ms, id", List.of(callId), JdbcCallRecords::event);
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static QueueEvent event(ResultSet rs) throws SQLException {
        List<String> data = new ArrayList<>();
        for (int i = 6; i <= 10; i++) {
            data.add(rs.getString(i));
        }
        while (!data.isEmpty() && data.get(data.size() - 1) == null) {
            data.remove(data.size() - 1);
        }
        data.replaceAll(s -> s == null ? "" : s);
        return new QueueEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), data);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
        try (Connection c = storage.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new RecordsUnavailable("call records in " + storage.describe() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
