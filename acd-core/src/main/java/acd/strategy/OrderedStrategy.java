package acd.strategy;

import acd.call.Call;
import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;

/**
 * Strategies that ring the best member by a fixed ordering (priority, longest-idle,
 * fewest-calls; {@link RingAllStrategy} keeps its members in one too). Available members sit in a heap; the best one
 * the call has not tried is found by a best-first walk of the heap that only opens the
 * children of tried members, so a pick costs O(tried * log n) and usually O(1).
 */
class OrderedStrategy implements RoutingStrategy {
    private final StrategyKind kind;
    private final MemberHeap heap;
    /** Heap slots still to look at during a pick; reused across picks. */
    private int[] open = new int[16];

    OrderedStrategy(StrategyKind kind, MemberOrder order) {
        this.kind = kind;
        this.heap = new MemberHeap(order);
    }

    @Override
    public StrategyKind kind() {
        return kind;
    }

    @Override
    public void add(Member m) {
        heap.add(m);
    }

    @Override
    public void remove(Member m) {
        heap.remove(m);
    }

    @Override
    public int availableCount() {
        return heap.size();
    }

    @Override
    public Member availableAt(int i) {
        return heap.at(i);
    }

    /** The agent sequence number of {@link #availableAt}{@code (i)}, read from the index, not the agent. */
    int agentSeqAt(int i) {
        return heap.agentSeqAt(i);
    }

    @Override
    public Member pick(Call call) {
        int size = heap.size();
        if (size == 0) {
            return null;
        }
        if (!call.hasTried(heap.agentSeqAt(0))) {
            return heap.at(0);
        }
        int openCount = 0;
        open[openCount++] = 0;
        while (openCount > 0) {
            int bestAt = 0;
            for (int i = 1; i < openCount; i++) {
                if (heap.before(open[i], open[bestAt])) {
                    bestAt = i;
                }
            }
            int slot = open[bestAt];
            open[bestAt] = open[--openCount];
            if (!call.hasTried(heap.agentSeqAt(slot))) {
                return heap.at(slot);
            }
            int child = IndexedHeap.leftChild(slot);
            for (int c = child; c <= child + 1 && c < size; c++) {
                if (openCount == open.length) {
                    open = Arrays.copyOf(open, openCount * 2);
                }
                open[openCount++] = c;
            }
        }
        return null;
    }

    @Override
    public void clear() {
        heap.clear();
    }
}
