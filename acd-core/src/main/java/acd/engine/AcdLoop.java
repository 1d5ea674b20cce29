package acd.engine;

import acd.command.CommandSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that owns an {@link AcdEngine} in production. Other threads post commands; the
 * loop drains a bounded batch, fires due timers, and parks until the next deadline or the next
 * command. The engine is never touched by any other thread.
 */
public final class AcdLoop implements CommandSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AcdLoop.class);
    private static final int BATCH = 1024;
    private static final long MAX_PARK_MS = 1000;

    private final AcdEngine engine;
    private final LongSupplier clockMs;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clockMs monotonic milliseconds (see {@link #monotonicWallClock()})
     */
    public AcdLoop(AcdEngine engine, LongSupplier clockMs, String threadName) {
        this.engine = engine;
        this.clockMs = clockMs;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Wall-clock milliseconds read once, then advanced by the monotonic clock. */
    public static LongSupplier monotonicWallClock() {
        long baseWall = System.currentTimeMillis();
        long baseNanos = System.nanoTime();
        return () -> baseWall + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - baseNanos);
    }

    public AcdLoop start() {
        thread.start();
        return this;
    }

    @Override
    public void post(Command command) {
        commands.add(command);
        LockSupport.unpark(thread);
    }

    /** Runs {@code query} on the loop and completes (on the loop) with its answer. */
    @Override
    public <T> CompletableFuture<T> ask(Query<T> query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        post((e, now) -> {
            try {
                answer.complete(query.run(e, now));
            } catch (RuntimeException ex) {
                answer.completeExceptionally(ex);
            }
        });
        return answer;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * One cycle: read the clock once; fire at most {@link AcdEngine#TIMER_CAP} timers due by
     * then; run a bounded batch of commands at that time or, when the cap left timers due, at
     * the time the timers got to (a command first fires every timer due before its time, so
     * this keeps a burst of timers from bypassing the cap, and keeps the order of events the
     * same as in virtual time). A full batch or the cap hit goes straight into the next cycle.
     */
    private void run() {
        while (running) {
            long now = clockMs.getAsLong();
            boolean caughtUp;
            try {
                caughtUp = engine.advanceTo(now, AcdEngine.TIMER_CAP);
            } catch (RuntimeException ex) {
                log.error("ACD timer failed; the core carries on", ex);
                caughtUp = false;
            }
            long commandMs = caughtUp ? now : engine.nowMs();
            int done = 0;
            Command c;
            while (done < BATCH && (c = commands.poll()) != null) {
                try {
                    c.run(engine, commandMs);
                } catch (RuntimeException ex) {
                    log.error("ACD command failed; the core carries on", ex);
                }
                done++;
            }
            if (done == BATCH || !caughtUp || !commands.isEmpty()) {
                continue;
            }
            long wait = Math.min(MAX_PARK_MS, engine.nextDeadlineMs() - now);
            if (wait > 0) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(wait));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
