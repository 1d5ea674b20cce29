package ops.records;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import acd.event.AcdEvent;
import ops.testkit.TestDatabases;

/** A journal on a fresh test database, with waits on conditions (never a fixed sleep). */
final class JournalRig implements AutoCloseable {
    static final String SERVER = "acd1";
    static final Map<String, String> DEPARTMENTS = Map.of("sales", "Sales", "support", "Help desk");
    private static final long WAIT_MS = 5_000;

    final TestDatabases.Fresh db;
    final Storage storage;
    final CallRecords records;
    CallJournal journal;

    private JournalRig(TestDatabases.Fresh db, Storage storage) throws SQLException {
        this.db = db;
        this.storage = storage;
        this.records = storage.records();
        this.journal = CallJournal.start(storage, DEPARTMENTS::get);
    }

    static JournalRig start(TestDatabases.Kind kind, Path dir) throws SQLException {
        return start(kind, dir, null);
    }

    static JournalRig start(TestDatabases.Kind kind, Path dir, Path queueLog) throws SQLException {
        TestDatabases.Fresh db = kind.fresh(dir);
        return new JournalRig(db, Storage.open(db.settings(SERVER).withQueueLog(queueLog)));
    }

    /** Stops the writer as a crash would leave things (open calls stay open), and starts a new one. */
    void restart() throws SQLException {
        journal.close();
        journal = CallJournal.start(storage, DEPARTMENTS::get);
    }

    void core(AcdEvent... events) {
        for (AcdEvent e : events) {
            journal.onEvent(e);
        }
    }

    CallRecord record(String callId) {
        return await(() -> records.get(callId), "the record of " + callId);
    }

    CallRecord record(String callId, Predicate<CallRecord> until) {
        return await(() -> records.get(callId).filter(until), "the record of " + callId + " as expected");
    }

    long count(String sql) throws SQLException {
        try (Connection c = storage.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until {@code sql}, a COUNT query, gives {@code n}. */
    void awaitCount(String sql, long n) {
        await(() -> {
            try {
                return count(sql) == n ? Optional.of(n) : Optional.empty();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }, "'" + sql + "' = " + n);
    }

    static <T> T await(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT_MS + " ms");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        journal.close();
        db.close();
    }
}
