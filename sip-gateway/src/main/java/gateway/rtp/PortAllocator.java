package gateway.rtp;

import config.model.PortRange;
import java.time.Duration;
import java.util.BitSet;
import java.util.function.LongSupplier;

/**
 * Hands out RTP port pairs to legs on every event loop. It hands them round-robin, so a port
 * just released is the last to be reused and late packets of an ended call do not reach a new
 * one. A short lock per call set-up or tear-down is nothing next to the socket calls around it.
 * <p>
 * A server shares its machine: a pair some other process turned out to hold is set aside for
 * {@link #HOLD} rather than released, so the following calls do not try to bind it again.
 */
public final class PortAllocator {
    /** How long a pair found taken by another process is skipped before it is tried again. */
    public static final Duration HOLD = Duration.ofSeconds(30);

    private final PortRange range;
    private final LongSupplier nanoClock;
    private final long holdNanos;
    /** Ours or held elsewhere: the pairs {@link #allocate} skips. */
    private final BitSet used;
    /** Per pair, the nano time when one held elsewhere may be tried again; 0 for the others. */
    private final long[] heldUntil;
    private int next;
    private int inUse;
    private int heldElsewhere;
    private long nextExpiry;

    public PortAllocator(PortRange range) {
        this(range, HOLD, System::nanoTime);
    }

    PortAllocator(PortRange range, Duration hold, LongSupplier nanoClock) {
        this.range = range;
        this.nanoClock = nanoClock;
        this.holdNanos = hold.toNanos();
        this.used = new BitSet(range.pairs());
        this.heldUntil = new long[range.pairs()];
    }

    /** The RTP port of a free pair; the pair is the caller's until {@link #release} or {@link #takenElsewhere}. */
    public synchronized int allocate() {
        int pairs = range.pairs();
        if (heldElsewhere > 0 && nanoClock.getAsLong() - nextExpiry >= 0) {
            expireHolds();
        }
        if (inUse + heldElsewhere == pairs) {
            throw new PortsExhaustedException(range, inUse, heldElsewhere);
        }
        int index = used.nextClearBit(next);
        if (index >= pairs) {
            index = used.nextClearBit(0);
        }
        used.set(index);
        inUse++;
        next = index + 1 == pairs ? 0 : index + 1;
        return range.rtpPort(index);
    }

    public synchronized void release(int rtpPort) {
        used.clear(ours(rtpPort));
        inUse--;
    }

    /**
     * Instead of {@link #release}: the pair could not be bound, another process holds (part of)
     * it, so it is skipped for {@link #HOLD}. Returns how many pairs are now held elsewhere.
     */
    public synchronized int takenElsewhere(int rtpPort) {
        int index = ours(rtpPort);
        long until = nanoClock.getAsLong() + holdNanos;
        if (heldElsewhere == 0 || until - nextExpiry < 0) {
            nextExpiry = until;
        }
        heldUntil[index] = until == 0 ? 1 : until; // 0 marks a pair not held elsewhere
        inUse--;
        return ++heldElsewhere;
    }

    public synchronized int inUse() {
        return inUse;
    }

    /** Pairs skipped because another process held them when last tried. */
    public synchronized int heldElsewhere() {
        return heldElsewhere;
    }

    public PortRange range() {
        return range;
    }

    private int ours(int rtpPort) {
        int index = (rtpPort - range.rtpPort(0)) / 2;
        if (index < 0 || index >= range.pairs() || range.rtpPort(index) != rtpPort) {
            throw new IllegalArgumentException("port " + rtpPort + " is not an RTP port of " + range);
        }
        if (!used.get(index) || heldUntil[index] != 0) {
            throw new IllegalStateException("port " + rtpPort + " released twice");
        }
        return index;
    }

    private void expireHolds() {
        long now = nanoClock.getAsLong();
        long earliest = 0;
        boolean anyLeft = false;
        for (int i = 0; i < heldUntil.length; i++) {
            long until = heldUntil[i];
            if (until == 0) {
                continue;
            }
            if (now - until >= 0) {
                heldUntil[i] = 0;
                used.clear(i);
                heldElsewhere--;
            } else if (!anyLeft || until - earliest < 0) {
                earliest = until;
                anyLeft = true;
            }
        }
        nextExpiry = earliest;
    }
}
