package acd.call;

import acd.agent.Agent;
import acd.index.IndexedHeap;
import acd.queue.Queue;
import acd.time.Timer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A caller's visit to one queue, from joining it to leaving it. Owned by the core's loop thread.
 */
public final class Call implements IndexedHeap.Element {
    private final String id;
    private final Queue queue;
    private final int priority;
    private final long seq;
    private final long enqueuedMs;
    private CallState state = CallState.NEW;
    private int heapIndex = IndexedHeap.NOT_IN_HEAP;

    /** Intrusive links in the queue's line (waiting and ringing calls, arrival order). */
    private Call prevInLine;
    private Call nextInLine;

    private final ArrayList<Agent> ringing = new ArrayList<>(1);
    private int[] tried = new int[4];
    private int triedCount;
    private Agent agent;
    private long answeredMs;

    private final Owner owner;
    private final Timer ringTimer;
    private final Timer maxWaitTimer;

    /**
     * The one object that drives a call: it is told when the call's timers fire, and only it can
     * change the call's state (the engine's call lifecycle, which runs each state's entry actions).
     */
    public interface Owner {
        void ringTimeout(Call call);

        void maxWait(Call call);
    }

    public Call(String id, Queue queue, int priority, long seq, long enqueuedMs, Owner owner) {
        this.id = id;
        this.queue = queue;
        this.priority = priority;
        this.seq = seq;
        this.enqueuedMs = enqueuedMs;
        this.owner = owner;
        this.ringTimer = new Timer(now -> owner.ringTimeout(this));
        this.maxWaitTimer = new Timer(now -> owner.maxWait(this));
    }

    public String id() {
        return id;
    }

    public Queue queue() {
        return queue;
    }

    /** Caller priority: higher goes first; 0 is the default. */
    public int priority() {
        return priority;
    }

    /** Arrival order across all queues. */
    public long seq() {
        return seq;
    }

    public long enqueuedMs() {
        return enqueuedMs;
    }

    public CallState state() {
        return state;
    }

    /**
     * The only place a call's state is set, and only by its {@link Owner}, whose one transition
     * method runs the entry actions; anyone else, or an illegal transition, throws.
     */
    public void state(CallState next, Owner by) {
        if (by != owner) {
            throw new IllegalStateException("call " + id + ": only its owner changes its state");
        }
        if (!state.canGo(next)) {
            throw new IllegalStateException("call " + id + ": " + state + " -> " + next + " is not a legal transition");
        }
        state = next;
    }

    /** Line order: higher caller priority first, then earlier arrival. */
    public static int lineOrder(Call a, Call b) {
        int c = Integer.compare(b.priority, a.priority);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    }

    public List<Agent> ringing() {
        return ringing;
    }

    /** Takes {@code a} off the agents ringing; looks from the end, where ring-all's loops remove. */
    public void stopRinging(Agent a) {
        int i = ringing.lastIndexOf(a);
        if (i >= 0) {
            ringing.remove(i);
        }
    }

    public boolean hasTried(Agent a) {
        return hasTried(a.seq());
    }

    /** Whether the agent with sequence number {@code s} was rung in this round (see {@link Agent#seq}). */
    public boolean hasTried(int s) {
        for (int i = 0; i < triedCount; i++) {
            if (tried[i] == s) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a ring of {@code a} in this round. Strategies only offer untried agents, so there is
     * no look for a duplicate (it would cost ring-all a scan per member; one would be harmless).
     */
    public void markTried(Agent a) {
        if (triedCount == tried.length) {
            tried = Arrays.copyOf(tried, triedCount * 2);
        }
        tried[triedCount++] = a.seq();
    }

    /** Makes room for {@code n} more rings at once (ring-all), so the lists grow once, not per ring. */
    public void reserveRings(int n) {
        ringing.ensureCapacity(ringing.size() + n);
        if (tried.length < triedCount + n) {
            tried = Arrays.copyOf(tried, triedCount + n);
        }
    }

    /** Every available member has been tried: start a new round. */
    public void forgetTried() {
        triedCount = 0;
    }

    public int triedCount() {
        return triedCount;
    }

    public Agent agent() {
        return agent;
    }

    public void answeredBy(Agent a, long nowMs) {
        this.agent = a;
        this.answeredMs = nowMs;
    }

    public long answeredMs() {
        return answeredMs;
    }

    public Timer ringTimer() {
        return ringTimer;
    }

    public Timer maxWaitTimer() {
        return maxWaitTimer;
    }

    public Call prevInLine() {
        return prevInLine;
    }

    public void prevInLine(Call c) {
        prevInLine = c;
    }

    public Call nextInLine() {
        return nextInLine;
    }

    public void nextInLine(Call c) {
        nextInLine = c;
    }

    @Override
    public int heapIndex() {
        return heapIndex;
    }

    @Override
    public void heapIndex(int index) {
        heapIndex = index;
    }

    @Override
    public String toString() {
        return id + "(" + state + " in " + queue.id() + ")";
    }
}
