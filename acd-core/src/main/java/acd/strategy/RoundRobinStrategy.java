package acd.strategy;

import acd.call.Call;
import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Continues after the member rung last, in configured member order, wrapping around. The
 * memory (position rung last) survives calls and config reloads.
 */
final class RoundRobinStrategy implements RoutingStrategy {
    private final BitSet available = new BitSet();
    private Member[] byPosition = new Member[16];
    private int count;
    private int lastRung = -1;

    @Override
    public StrategyKind kind() {
        return StrategyKind.ROUND_ROBIN;
    }

    @Override
    public void add(Member m) {
        int p = m.position();
        if (p >= byPosition.length) {
            byPosition = Arrays.copyOf(byPosition, Math.max(p + 1, byPosition.length * 2));
        }
        if (!available.get(p)) {
            if (byPosition[p] != m) {
                byPosition[p] = m; // kept while the member is away, so re-joining stores no reference
            }
            available.set(p);
            m.heapIndex(p);
            count++;
        }
    }

    @Override
    public void remove(Member m) {
        int p = m.position();
        if (m.heapIndex() != IndexedHeap.NOT_IN_HEAP && available.get(p) && byPosition[p] == m) {
            available.clear(p);
            m.heapIndex(IndexedHeap.NOT_IN_HEAP);
            count--;
        }
    }

    @Override
    public int availableCount() {
        return count;
    }

    @Override
    public Member availableAt(int i) {
        int p = available.nextSetBit(0);
        for (int k = 0; k < i; k++) {
            p = available.nextSetBit(p + 1);
        }
        return byPosition[p];
    }

    @Override
    public Member pick(Call call) {
        if (count == 0) {
            return null;
        }
        int start = lastRung + 1;
        for (int p = available.nextSetBit(start); p >= 0; p = available.nextSetBit(p + 1)) {
            if (!call.hasTried(byPosition[p].agent())) {
                return byPosition[p];
            }
        }
        for (int p = available.nextSetBit(0); p >= 0 && p < start; p = available.nextSetBit(p + 1)) {
            if (!call.hasTried(byPosition[p].agent())) {
                return byPosition[p];
            }
        }
        return null;
    }

    @Override
    public void rung(Member m) {
        lastRung = m.position();
    }

    @Override
    public void clear() {
        for (int p = available.nextSetBit(0); p >= 0; p = available.nextSetBit(p + 1)) {
            byPosition[p].heapIndex(IndexedHeap.NOT_IN_HEAP);
        }
        Arrays.fill(byPosition, null);
        available.clear();
        count = 0;
    }
}
