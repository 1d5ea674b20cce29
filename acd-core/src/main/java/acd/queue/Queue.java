package acd.queue;

import acd.call.Call;
import acd.call.CallState;
import acd.index.IndexedHeap;
import acd.strategy.RoutingStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue: its settings, its members with the available ones indexed by the strategy, and its
 * line of callers (waiting ones also in a heap by line order). Owned by the core's loop thread.
 */
public final class Queue {
    private final String id;
    private QueueSpec spec;
    private RoutingStrategy strategy;
    private final List<Member> members = new ArrayList<>();
    private final IndexedHeap<Call> waiting = new IndexedHeap<>(Call::lineOrder, 16);
    private Call lineHead;
    private Call lineTail;
    private int lineSize;
    private int staffedCount;
    private boolean dirty;
    private boolean emptyCheck;
    private boolean removed;
    private final WaitEstimate waits = new WaitEstimate();

    public Queue(QueueSpec spec, RoutingStrategy strategy) {
        this.id = spec.id();
        this.spec = spec;
        this.strategy = strategy;
    }

    public String id() {
        return id;
    }

    public QueueSpec spec() {
        return spec;
    }

    public void spec(QueueSpec s) {
        this.spec = s;
    }

    public RoutingStrategy strategy() {
        return strategy;
    }

    public void strategy(RoutingStrategy s) {
        this.strategy = s;
    }

    public List<Member> members() {
        return members;
    }

    /** Callers not being rung, best first. */
    public IndexedHeap<Call> waiting() {
        return waiting;
    }

    /** Whether a caller waits for an agent (not one being rung). */
    public boolean hasWaiting() {
        return waiting.size() > 0;
    }

    /** Callers in line (waiting or ringing an agent). */
    public int lineSize() {
        return lineSize;
    }

    public Call lineHead() {
        return lineHead;
    }

    public void joinLine(Call c) {
        c.prevInLine(lineTail);
        c.nextInLine(null);
        if (lineTail == null) {
            lineHead = c;
        } else {
            lineTail.nextInLine(c);
        }
        lineTail = c;
        lineSize++;
    }

    public void leaveLine(Call c) {
        Call p = c.prevInLine();
        Call n = c.nextInLine();
        if (p == null) {
            lineHead = n;
        } else {
            p.nextInLine(n);
        }
        if (n == null) {
            lineTail = p;
        } else {
            n.prevInLine(p);
        }
        c.prevInLine(null);
        c.nextInLine(null);
        lineSize--;
    }

    /** 1-based place in line: callers ahead by priority, then by arrival. */
    public int positionOf(Call call) {
        if (call.priority() == 0) {
            int ahead = 0;
            for (Call c = lineHead; c != null && c != call; c = c.nextInLine()) {
                ahead++;
            }
            int behindButAhead = 0;
            for (Call c = call.nextInLine(); c != null; c = c.nextInLine()) {
                if (c.priority() > 0) {
                    behindButAhead++;
                }
            }
            return ahead + behindButAhead + 1;
        }
        int ahead = 0;
        for (Call c = lineHead; c != null; c = c.nextInLine()) {
            if (c != call && Call.lineOrder(c, call) < 0) {
                ahead++;
            }
        }
        return ahead + 1;
    }

    /**
     * Callers ahead of {@code call} in line who are already ringing an agent: a place in line
     * counts them, though they wait for nobody.
     */
    public int ringingAhead(Call call) {
        if (call == lineTail && call.priority() == 0) {
            // the caller who just joined: everyone being rung is ahead, no walk along a long line
            return lineSize - waiting.size() - (call.state() == CallState.RINGING_AGENT ? 1 : 0);
        }
        int ahead = 0;
        for (Call c = lineHead; c != null; c = c.nextInLine()) {
            if (c != call && c.state() == CallState.RINGING_AGENT && Call.lineOrder(c, call) < 0) {
                ahead++;
            }
        }
        return ahead;
    }

    public int staffedCount() {
        return staffedCount;
    }

    public void staffedDelta(int d) {
        staffedCount += d;
    }

    public void resetStaffedCount() {
        staffedCount = 0;
    }

    /** Needs a routing pass: a caller joined the waiting line or a member became available. */
    public boolean dirty() {
        return dirty;
    }

    public void dirty(boolean value) {
        dirty = value;
    }

    /** Needs a look for "no agents left" under the fallback policy. */
    public boolean emptyCheck() {
        return emptyCheck;
    }

    public void emptyCheck(boolean value) {
        emptyCheck = value;
    }

    /** Removed from the config; only bridged calls may still point at it. */
    public boolean removed() {
        return removed;
    }

    public void markRemoved() {
        removed = true;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Answered waits of this queue, for the expected-wait announcement. */
    public WaitEstimate waits() {
        return waits;
    }
}
