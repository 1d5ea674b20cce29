package ops.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's writes on the writer thread's own connection, in one open transaction that
 * {@link #commitIfDue} commits {@code batchMs} after its first write or at
 * {@code batchStatements} writes, whichever comes first; the queue_log file is flushed with it.
 * A failed write loses the current batch (logged), and the connection is opened again at most
 * every {@link #RETRY_MS}: the call path never waits for the database.
 */
final class JdbcJournal implements JournalSink {
    private static final Logger log = LoggerFactory.getLogger(JdbcJournal.class);
    static final long RETRY_MS = 5_000;

    private final Storage storage;
    private final String server;
    private final QueueLogFile queueLog;
    private final JournalSettings settings;
    private Connection c;
    private PreparedStatement insertOpen;
    private PreparedStatement touchOpen;
    private PreparedStatement deleteOpen;
    private PreparedStatement insertEvent;
    private PreparedStatement insertCall;
    private PreparedStatement updateWrapUp;
    private PreparedStatement heartbeat;
    private int pending;
    /** The finished calls written in the open batch, told to {@code committed} once it commits. */
    private final List<String> finished = new ArrayList<>();
    private volatile Consumer<List<String>> committed = ids -> { };
    private long firstPendingMs;
    private long retryAtMs;
    private long nowMs;

    JdbcJournal(Storage storage, Connection c, QueueLogFile queueLog, JournalSettings settings) throws SQLException {
        this.storage = storage;
        this.server = storage.settings().server();
        this.queueLog = queueLog;
        this.settings = settings;
        use(c);
    }

    private void use(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        c = connection;
        insertOpen = c.prepareStatement("INSERT INTO open_calls (call_id, server, arrived_ms, last_seen_ms, dialed,"
                + " caller_number, caller_name, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        touchOpen = c.prepareStatement("UPDATE open_calls SET queue_id = COALESCE(?, queue_id),"
                + " agent_id = COALESCE(?, agent_id), last_seen_ms = ? WHERE call_id = ?");
        deleteOpen = c.prepareStatement("DELETE FROM open_calls WHERE call_id = ?");
        insertEvent = c.prepareStatement("INSERT INTO events (at_ms, server, call_id, queue_id, agent_id, event,"
                + " data1, data2, data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertCall = c.prepareStatement(CallRows.INSERT);
        updateWrapUp = c.prepareStatement("UPDATE calls SET wrapup_ms = ? WHERE call_id = ?");
        heartbeat = c.prepareStatement("UPDATE open_calls SET last_seen_ms = ? WHERE server = ?");
    }

    void onCommitted(Consumer<List<String>> listener) {
        this.committed = listener;
    }

    void now(long nowMs) {
        this.nowMs = nowMs;
    }

    private interface Write {
        void run() throws SQLException;
    }

    private void write(Write w) {
        if (pending++ == 0) {
            firstPendingMs = nowMs;
        }
        if (c == null) {
            return; // the database is away: this batch is lost, counted in the failure's log line
        }
        try {
            w.run();
        } catch (SQLException e) {
            fail(e);
        }
    }

    @Override
    public void open(OpenCall call) {
        write(() -> {
            insertOpen.setString(1, call.callId);
            insertOpen.setString(2, server);
            insertOpen.setLong(3, call.arrivedMs);
            insertOpen.setLong(4, call.arrivedMs);
            insertOpen.setString(5, call.dialed);
            insertOpen.setString(6, call.callerNumber);
            insertOpen.setString(7, call.callerName);
            insertOpen.setString(8, call.source);
            insertOpen.executeUpdate();
        });
    }

    @Override
    public void touch(String callId, String queueId, String agentId, long atMs) {
        write(() -> {
            touchOpen.setString(1, queueId);
            touchOpen.setString(2, agentId);
            touchOpen.setLong(3, atMs);
            touchOpen.setString(4, callId);
            touchOpen.executeUpdate();
        });
    }

    @Override
    public void event(QueueEvent e) {
        if (queueLog != null) {
            queueLog.append(e);
        }
        write(() -> {
            insertEvent.setLong(1, e.atMs());
            insertEvent.setString(2, server);
            insertEvent.setString(3, e.callId());
            insertEvent.setString(4, e.queueId());
            insertEvent.setString(5, e.agentId());
            insertEvent.setString(6, e.event());
            for (int i = 0; i < 5; i++) {
                insertEvent.setString(7 + i, i < e.data().size() ? e.data().get(i) : null);
            }
            insertEvent.executeUpdate();
        });
    }

    @Override
    public void finish(CallRecord r) {
        write(() -> {
            CallRows.bind(insertCall, r);
            insertCall.executeUpdate();
            deleteOpen.setString(1, r.callId());
            deleteOpen.executeUpdate();
            finished.add(r.callId());
        });
    }

    @Override
    public void wrapUp(String callId, long wrapUpMs) {
        write(() -> {
            updateWrapUp.setLong(1, wrapUpMs);
            updateWrapUp.setString(2, callId);
            updateWrapUp.executeUpdate();
        });
    }

    /** Every open call of this server was alive at {@code nowMs}. */
    void heartbeat() {
        write(() -> {
            heartbeat.setLong(1, nowMs);
            heartbeat.setString(2, server);
            heartbeat.executeUpdate();
        });
    }

    /** When the open batch is due, or {@code Long.MAX_VALUE} with nothing pending. */
    long dueAtMs() {
        return pending == 0 ? Long.MAX_VALUE : firstPendingMs + settings.batchMs();
    }

    void commitIfDue() {
        if (pending >= settings.batchStatements() || nowMs >= dueAtMs()) {
            commit();
        }
    }

    void commit() {
        if (queueLog != null) {
            queueLog.flush();
        }
        if (c == null) {
            pending = 0;
            reconnect();
            return;
        }
        try {
            c.commit();
            tellCommitted();
        } catch (SQLException e) {
            fail(e);
        }
        pending = 0;
    }

    private void tellCommitted() {
        if (finished.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(finished);
        finished.clear();
        try {
            committed.accept(ids);
        } catch (RuntimeException e) {
            log.error("call records: the commit listener failed", e);
        }
    }

    private void fail(SQLException e) {
        finished.clear();
        log.error("call records: writing to {} failed; the batch of {} writes is lost, reconnecting in {} ms: {}",
                storage.describe(), pending, RETRY_MS, e.toString());
        close();
        pending = 0;
        retryAtMs = nowMs + RETRY_MS;
    }

    private void reconnect() {
        if (nowMs < retryAtMs) {
            return;
        }
        try {
            use(storage.connect());
            log.info("call records: {} is back", storage.describe());
        } catch (SQLException e) {
            retryAtMs = nowMs + RETRY_MS;
            log.debug("call records: {} still away: {}", storage.describe(), e.toString());
        }
    }

    /** Rolls back whatever was not committed, and lets the connection go. */
    void close() {
        finished.clear();
        if (c != null) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException e) {
                log.debug("closing the records connection: {}", e.toString());
            }
            c = null;
        }
        if (queueLog != null) {
            queueLog.flush();
        }
    }
}
