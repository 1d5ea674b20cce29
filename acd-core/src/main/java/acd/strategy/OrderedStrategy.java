package acd.strategy;

import acd.call.Call;
import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Strategies that ring the best member by a fixed ordering (priority, longest-idle,
 * fewest-calls; {@link RingAllStrategy} keeps its members in one too). Available members sit in a heap; the best one
 * the call has not tried is found by a best-first walk of the heap that only opens the
 * children of tried members, so a pick costs O(tried * log n) and usually O(1).
 */
class OrderedStrategy implements RoutingStrategy {
    private final StrategyKind kind;
    private final Comparator<Member> order;
    private final IndexedHeap<Member> heap;
    /** Heap slots still to look at during a pick; reused across picks. */
    private int[] open = new int[16];

    OrderedStrategy(StrategyKind kind, Comparator<Member> order) {
        this.kind = kind;
        this.order = order;
        this.heap = new IndexedHeap<>(order, 16);
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

    @Override
    public Member pick(Call call) {
        int size = heap.size();
        if (size == 0) {
            return null;
        }
        Member top = heap.at(0);
        if (!call.hasTried(top.agent())) {
            return top;
        }
        int openCount = 0;
        open[openCount++] = 0;
        while (openCount > 0) {
            int bestAt = 0;
            for (int i = 1; i < openCount; i++) {
                if (order.compare(heap.at(open[i]), heap.at(open[bestAt])) < 0) {
                    bestAt = i;
                }
            }
            int slot = open[bestAt];
            open[bestAt] = open[--openCount];
            Member m = heap.at(slot);
            if (!call.hasTried(m.agent())) {
                return m;
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
