package ops.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before anything new is written: every call this server had open when it last
 * stopped without ending it (a crash, a kill) gets its record, outcome CRASHED, ended when it
 * was last seen. Other servers' open calls are theirs to recover.
 */
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

    private CrashRecovery() {
    }

    static int recover(Connection c, String server, Function<String, String> departmentOf) throws SQLException {
        List<CallRecord> crashed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT call_id, arrived_ms, last_seen_ms, dialed, caller_number,"
                + " caller_name, source, queue_id, agent_id FROM open_calls WHERE server = ?")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String queue = rs.getString(8);
                    crashed.add(new CallRecord(rs.getString(1), server, rs.getLong(2), null, null, rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null, null, null, queue,
                            queue == null ? null : departmentOf.apply(queue), rs.getString(9), "CRASHED", 0, 0, 0, 0, 0,
                            null, null, null, null));
                }
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(CallRows.INSERT);
             PreparedStatement delete = c.prepareStatement("DELETE FROM open_calls WHERE call_id = ?")) {
            for (CallRecord r : crashed) {
                CallRows.bind(insert, r);
                insert.executeUpdate();
                delete.setString(1, r.callId());
                delete.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        log.info("{} call(s) cut short by this server's last stop recorded as CRASHED", crashed.size());
        return crashed.size();
    }
}
