package acd.queue;

import acd.agent.Agent;
import acd.index.IndexedHeap;

/**
 * One agent in one queue, with its priority there. While the agent is available it sits in
 * the queue's strategy index, which keeps its slot here.
 */
public final class Member implements IndexedHeap.Element {
    private final Agent agent;
    private final Queue queue;
    private final int priority;
    private final int position;
    private int slot = IndexedHeap.NOT_IN_HEAP;

    public Member(Agent agent, Queue queue, int priority, int position) {
        this.agent = agent;
        this.queue = queue;
        this.priority = priority;
        this.position = position;
    }

    public Agent agent() {
        return agent;
    }

    public Queue queue() {
        return queue;
    }

    /** 1 = highest, 100 = lowest. */
    public int priority() {
        return priority;
    }

    /** Place in the queue's member list, as configured (round-robin order). */
    public int position() {
        return position;
    }

    @Override
    public int heapIndex() {
        return slot;
    }

    @Override
    public void heapIndex(int index) {
        slot = index;
    }

    @Override
    public String toString() {
        return queue.id() + "/" + agent.id() + "@" + priority;
    }
}
