package gateway.rtp;

import config.model.PortRange;
import java.util.BitSet;

/**
 * Hands out RTP port pairs to legs on every event loop. It hands them round-robin, so a port
 * just released is the last to be reused and late packets of an ended call do not reach a new
 * one. A short lock per call set-up or tear-down is nothing next to the socket calls around it.
 */
public final class PortAllocator {
    private final PortRange range;
    private final BitSet used;
    private int next;
    private int inUse;

    public PortAllocator(PortRange range) {
        this.range = range;
        this.used = new BitSet(range.pairs());
    }

    /** The RTP port of a free pair; the pair is the caller's until {@link #release}. */
    public synchronized int allocate() {
        int pairs = range.pairs();
        if (inUse == pairs) {
            throw new PortsExhaustedException(range, inUse);
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
        int index = (rtpPort - range.rtpPort(0)) / 2;
        if (index < 0 || index >= range.pairs() || range.rtpPort(index) != rtpPort) {
            throw new IllegalArgumentException("port " + rtpPort + " is not an RTP port of " + range);
        }
        if (!used.get(index)) {
            throw new IllegalStateException("port " + rtpPort + " released twice");
        }
        used.clear(index);
        inUse--;
    }

    public synchronized int inUse() {
        return inUse;
    }

    public PortRange range() {
        return range;
    }
}
