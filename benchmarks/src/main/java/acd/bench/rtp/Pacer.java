package acd.bench.rtp;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends every latched socket's marked stream, one packet per socket every 20 ms, on one thread.
 * The sockets are spread over 20 one-millisecond slots so that the packets leave evenly rather
 * than in one burst per 20 ms. A tick a little late catches up on the slots it missed; after a
 * stall of a whole period (the thread descheduled on a busy box) the pacer skips what it missed,
 * as a phone would, rather than burst into the server, and counts the milliseconds skipped in
 * the window.
 * Counts, per socket, the packets stamped inside the steady window, and the sends refused.
 */
final class Pacer implements Runnable {
    static final int SLOTS = 20;
    private static final long SLOT_NANOS = 1_000_000;

    private final Side[] sides;
    private final Supplier<Window> window;
    private final ByteBuffer packet = ByteBuffer.allocateDirect(Mark.PACKET);
    private final int[][] seq;
    private final long[][] sentInWindow;
    private long sent;
    private long refused;
    private long skippedMs;
    private volatile long ticks; // written after each tick: what the tick counted is visible past it
    private volatile boolean running = true;

    Pacer(Supplier<Window> window, Side... sides) {
        this.sides = sides;
        this.window = window;
        this.seq = new int[sides.length][];
        this.sentInWindow = new long[sides.length][];
        for (int s = 0; s < sides.length; s++) {
            seq[s] = new int[sides[s].size()];
            sentInWindow[s] = new long[sides[s].size()];
        }
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        long slot = 0;
        while (running) {
            long now = System.nanoTime();
            long wait = next - now;
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (-wait > SLOTS * SLOT_NANOS) {
                long missed = -wait / SLOT_NANOS;
                skippedMs += window.get().contains(now) ? missed : 0;
                slot += missed;
                next += missed * SLOT_NANOS;
            }
            Window w = window.get();
            for (Side side : sides) {
                sendSlot(side, (int) (slot % SLOTS), w);
            }
            slot++;
            next += SLOT_NANOS;
            ticks++;
        }
    }

    private void sendSlot(Side side, int slot, Window w) {
        int s = indexOf(side);
        for (int i = slot; i < side.size(); i += SLOTS) {
            SocketAddress to = side.remote(i);
            if (to == null) {
                continue;
            }
            long now = System.nanoTime();
            Mark.write(packet, side.tone(), side.streamId(i), seq[s][i], now);
            try {
                if (side.channel(i).send(packet, to) == 0) {
                    refused++;
                    continue;
                }
            } catch (IOException e) {
                refused++;
                continue;
            }
            seq[s][i]++;
            sent++;
            if (w.contains(now)) {
                sentInWindow[s][i]++;
            }
        }
    }

    private int indexOf(Side side) {
        for (int s = 0; s < sides.length; s++) {
            if (sides[s] == side) {
                return s;
            }
        }
        throw new IllegalArgumentException(side.name());
    }

    /** Ticks done so far: reading it makes the counts of those ticks visible to the caller. */
    long ticks() {
        return ticks;
    }

    long[] sentInWindow(Side side) {
        return sentInWindow[indexOf(side)].clone();
    }

    long sent() {
        return sent;
    }

    long refused() {
        return refused;
    }

    /** Milliseconds of sending skipped in the window after stalls: the tool itself starved of CPU. */
    long skippedMs() {
        return skippedMs;
    }

    void stop() {
        running = false;
    }
}
