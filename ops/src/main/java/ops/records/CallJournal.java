package ops.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import acd.event.AcdEvent;
import acd.event.AcdEventListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every call's record and every queue and agent event, off the call path. The core (as
 * its {@link AcdEventListener}) and the gateway's call loops (as their {@link CallFacts}) only
 * put a command in a bounded queue and return; when the queue is full the command is dropped
 * and counted, with one WARN per burst, so neither ever waits for a disk or a database. One
 * writer thread applies the commands to the calls being assembled and writes in batches of at
 * most {@code batchMs} (200 ms by default): a finished call is committed within
 * {@code settleMs + batchMs} (250 ms by default) of the gateway's end.
 */
public final class CallJournal implements AcdEventListener, CallFacts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallJournal.class);
    private static final int MAX_DRAIN = 1_000;
    private static final long IDLE_POLL_MS = 100;

    private final ArrayBlockingQueue<Consumer<CallAssembler>> inbox;
    private final AtomicLong dropped = new AtomicLong();
    private final JournalSettings settings;
    private final CallAssembler assembler;
    private final JdbcJournal jdbc;
    private final QueueLogFile queueLog;
    private final Thread writer;
    private volatile boolean closing;
    private long dropsSeen;
    private long burstStart = -1;
    private long nextHeartbeatMs;

    private CallJournal(Storage storage, Connection c, QueueLogFile queueLog, Function<String, String> departmentOf,
                        JournalSettings settings) throws SQLException {
        this.settings = settings;
        this.inbox = new ArrayBlockingQueue<>(settings.capacity());
        this.queueLog = queueLog;
        this.jdbc = new JdbcJournal(storage, c, queueLog, settings);
        this.assembler = new CallAssembler(jdbc, storage.settings().server(), departmentOf, settings.settleMs());
        this.writer = new Thread(this::run, "call-journal");
        writer.setDaemon(true);
    }

    /**
     * Recovers the calls the last run left open (CRASHED), then starts the writer thread.
     *
     * @param departmentOf a queue's department, or null; called on the writer thread, so it must be
     *                     safe to call from there (the config's current map, read through a volatile)
     */
    public static CallJournal start(Storage storage, Function<String, String> departmentOf) throws SQLException {
        return start(storage, departmentOf, JournalSettings.DEFAULTS);
    }

    public static CallJournal start(Storage storage, Function<String, String> departmentOf, JournalSettings settings)
            throws SQLException {
        Connection c = storage.connect();
        try {
            CrashRecovery.recover(c, storage.settings().server(), departmentOf);
            Path file = storage.settings().queueLog();
            CallJournal journal = new CallJournal(storage, c, file == null ? null : QueueLogFile.open(file),
                    departmentOf, settings);
            journal.writer.start();
            return journal;
        } catch (IOException e) {
            c.close();
            throw new UncheckedIOException("storage.queueLog " + storage.settings().queueLog() + " cannot be opened", e);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Tells {@code listener} the ids of finished calls right after the batch holding their records
     * commits (they are queryable then). Called on the writer thread: it must return at once.
     */
    public void onCommitted(Consumer<List<String>> listener) {
        jdbc.onCommitted(listener);
    }

    /** Facts and events dropped so far because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void onEvent(AcdEvent event) {
        // on the core's thread: events the records never use take no room in the bounded queue
        if (CallAssembler.uses(event)) {
            post(a -> a.core(event));
        }
    }

    @Override
    public void arrived(String callId, long atMs, String dialed, String callerNumber, String callerName, String source) {
        post(a -> a.arrived(callId, atMs, dialed, callerNumber, callerName, source));
    }

    @Override
    public void menu(String callId, long atMs, String menuId) {
        post(a -> a.menu(callId, menuId));
    }

    @Override
    public void key(String callId, long atMs, char key) {
        post(a -> a.key(callId, key));
    }

    @Override
    public void voicemail(String callId, long atMs, String box, Path file) {
        post(a -> a.voicemail(callId, file));
    }

    @Override
    public void transfer(String callId, long atMs, String number) {
        post(a -> a.transfer(callId, number));
    }

    @Override
    public void recording(String callId, long atMs, Path file) {
        post(a -> a.recording(callId, file));
    }

    @Override
    public void ended(String callId, long atMs, EndCause cause) {
        post(a -> a.ended(callId, atMs, cause));
    }

    private void post(Consumer<CallAssembler> command) {
        if (closing || !inbox.offer(command)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Writes what is queued, finishes the calls whose end is in, and stops the writer. Calls still
     * going stay in {@code open_calls}: the next start records them as CRASHED.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("call journal: the writer did not finish within 30 s; the last records may be missing");
        }
    }

    private void run() {
        try {
            while (true) {
                Consumer<CallAssembler> first = inbox.poll(pollMs(System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                long nowMs = System.currentTimeMillis();
                assembler.now(nowMs);
                jdbc.now(nowMs);
                drain(first);
                boolean last = closing && inbox.isEmpty();
                assembler.settle(last);
                if (nowMs >= nextHeartbeatMs) {
                    jdbc.heartbeat();
                    nextHeartbeatMs = nowMs + settings.heartbeatMs();
                }
                reportDrops();
                if (last) {
                    jdbc.commit();
                    return;
                }
                jdbc.commitIfDue();
            }
        } catch (InterruptedException e) {
            log.info("call journal interrupted; what was not committed is lost");
        } finally {
            jdbc.close();
            if (queueLog != null) {
                queueLog.close();
            }
        }
    }

    private long pollMs(long nowMs) {
        long until = jdbc.dueAtMs();
        if (assembler.settling()) {
            until = Math.min(until, nowMs + Math.max(1, settings.settleMs()));
        }
        return Math.max(1, Math.min(IDLE_POLL_MS, until - nowMs));
    }

    private void drain(Consumer<CallAssembler> first) {
        Consumer<CallAssembler> command = first;
        int n = 0;
        while (command != null) {
            try {
                command.accept(assembler);
            } catch (RuntimeException e) {
                log.error("call journal: a command failed and was skipped", e);
            }
            jdbc.commitIfDue();
            if (++n == MAX_DRAIN) {
                return; // the rest next cycle, after the settle and the heartbeat
            }
            command = inbox.poll();
        }
    }

    /** One WARN when drops start, one INFO when the queue has room again: never a line per drop. */
    private void reportDrops() {
        long d = dropped.get();
        if (d > dropsSeen && burstStart < 0) {
            burstStart = dropsSeen;
            log.warn("call journal: queue full ({} commands), dropping facts and events: records will be incomplete",
                    settings.capacity());
        } else if (d == dropsSeen && burstStart >= 0) {
            log.info("call journal: queue has room again; {} facts and events were dropped", d - burstStart);
            burstStart = -1;
        }
        dropsSeen = d;
    }
}
