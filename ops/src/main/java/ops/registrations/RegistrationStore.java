package ops.registrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import ops.records.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' registrations in the server's storage (table {@code registrations}, this server's rows
 * only), written behind the registrar: {@link #save} keeps the agent's latest bindings in a map
 * and returns, so a SIP thread never waits for the database, and a burst of REGISTERs costs one
 * row set per agent. One writer thread replaces each saved agent's rows in one transaction, at
 * most {@link #BATCH_MS} after the first save of a batch. While the database is away the latest
 * bindings wait in the map (one per agent, so nothing grows) and are written when it is back.
 */
public final class RegistrationStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistrationStore.class);
    static final long BATCH_MS = 200;
    static final long RETRY_MS = 5_000;

    private final Storage storage;
    private final String server;
    private final Map<String, List<SavedBinding>> pending = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread writer;
    private boolean failing;

    private RegistrationStore(Storage storage) {
        this.storage = storage;
        this.server = storage.settings().server();
        this.writer = new Thread(this::run, "registration-store");
        writer.setDaemon(true);
    }

    /** Starts the writer; the schema must be in place ({@link Storage#open} migrates it). */
    public static RegistrationStore start(Storage storage) {
        RegistrationStore store = new RegistrationStore(storage);
        store.writer.start();
        return store;
    }

    /**
     * This server's bindings still live at {@code nowMs}, for the registrar at start-up; the
     * lapsed ones are deleted.
     */
    public List<SavedBinding> load(long nowMs) throws SQLException {
        List<SavedBinding> live = new ArrayList<>();
        try (Connection c = storage.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM registrations WHERE server = ? AND expires_ms <= ?")) {
                ps.setString(1, server);
                ps.setLong(2, nowMs);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT agent_id, contact, reach_uri, transport, source_host,"
                    + " source_port, expires_ms, call_id, cseq, path FROM registrations WHERE server = ?"
                    + " ORDER BY agent_id, contact")) {
                ps.setString(1, server);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString(10);
                        live.add(new SavedBinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getLong(9),
                                path == null || path.isEmpty() ? List.of() : List.of(path.split("\n"))));
                    }
                }
            }
        }
        return live;
    }

    /** {@code agentId}'s bindings are now {@code bindings} (empty: none). Returns at once. */
    public void save(String agentId, List<SavedBinding> bindings) {
        pending.put(agentId, List.copyOf(bindings));
        wake.release();
    }

    /** Writes what is saved, then stops the writer. */
    @Override
    public void close() {
        stop.countDown();
        wake.release();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("registrations: the writer did not finish within 30 s; the last changes may be missing");
        }
    }

    private void run() {
        try {
            while (true) {
                wake.acquire();
                // a burst of REGISTERs shares one commit; close cuts the wait short
                stop.await(BATCH_MS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                boolean closing = stop.getCount() == 0;
                boolean written = write();
                if (closing && (!written || pending.isEmpty())) {
                    return; // with the database away, the next start reads what was written before
                }
                if (!written) {
                    stop.await(RETRY_MS, TimeUnit.MILLISECONDS);
                    wake.release();
                }
            }
        } catch (InterruptedException e) {
            log.info("registrations writer interrupted; changes not yet written are lost");
        }
    }

    /** Replaces the pending agents' rows in one transaction; on failure they wait for the next try. */
    private boolean write() {
        Map<String, List<SavedBinding>> batch = new HashMap<>();
        for (String agentId : pending.keySet()) {
            List<SavedBinding> bindings = pending.remove(agentId);
            if (bindings != null) {
                batch.put(agentId, bindings);
            }
        }
        if (batch.isEmpty()) {
            return true;
        }
        try (Connection c = storage.dataSource().getConnection()) {
            c.setAutoCommit(false);
            replace(c, batch);
            c.commit();
            if (failing) {
                failing = false;
                log.info("registrations: {} is back", storage.describe());
            }
            return true;
        } catch (SQLException e) {
            batch.forEach(pending::putIfAbsent); // a newer save made meanwhile wins
            if (!failing) {
                failing = true;
                log.error("registrations: writing to {} failed; retrying every {} ms: {}", storage.describe(), RETRY_MS,
                        e.toString());
            }
            return false;
        }
    }

    private void replace(Connection c, Map<String, List<SavedBinding>> batch) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM registrations WHERE server = ? AND agent_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO registrations (server, agent_id, contact,"
                     + " reach_uri, transport, source_host, source_port, expires_ms, call_id, cseq, path)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, List<SavedBinding>> e : batch.entrySet()) {
                delete.setString(1, server);
                delete.setString(2, e.getKey());
                delete.addBatch();
                for (SavedBinding b : e.getValue()) {
                    insert.setString(1, server);
                    insert.setString(2, b.agentId());
                    insert.setString(3, b.contact());
                    insert.setString(4, b.reachUri());
                    insert.setString(5, b.transport());
                    insert.setString(6, b.sourceHost());
                    insert.setInt(7, b.sourcePort());
                    insert.setLong(8, b.expiresAtMs());
                    insert.setString(9, b.callId());
                    insert.setLong(10, b.cseq());
                    insert.setString(11, b.path().isEmpty() ? null : String.join("\n", b.path()));
                    insert.addBatch();
                }
            }
            delete.executeBatch(); // one round trip for the deletes, one for the inserts
            insert.executeBatch();
        }
    }
}
