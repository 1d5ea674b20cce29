package acd.strategy;

import acd.call.Call;
import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Uniform among available members the call has not tried. The available members' positions sit
 * in a dense array (swap-remove), a pick draws at random and, if it keeps hitting tried members,
 * counts the untried ones and draws among them, so the choice stays uniform. Members are held by
 * position and kept while away, so joining and leaving store no reference (see {@link MemberHeap}).
 */
final class RandomStrategy implements RoutingStrategy {
    private static final int DRAWS_BEFORE_SCAN = 8;

    private final RandomGenerator random;
    private Member[] byPosition = new Member[16];
    /** The positions of the available members, in no order; a member's index here is its heapIndex. */
    private int[] dense = new int[16];
    private int count;

    RandomStrategy(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.RANDOM;
    }

    @Override
    public void add(Member m) {
        if (m.heapIndex() != IndexedHeap.NOT_IN_HEAP) {
            throw new IllegalStateException(m + " already indexed");
        }
        int p = m.position();
        if (p >= byPosition.length) {
            byPosition = Arrays.copyOf(byPosition, Math.max(p + 1, byPosition.length * 2));
        }
        if (count == dense.length) {
            dense = Arrays.copyOf(dense, count * 2);
        }
        if (byPosition[p] != m) {
            byPosition[p] = m;
        }
        dense[count] = p;
        m.heapIndex(count++);
    }

    @Override
    public void remove(Member m) {
        int i = m.heapIndex();
        if (i < 0 || i >= count || byPosition[dense[i]] != m) {
            return;
        }
        int last = dense[--count];
        dense[i] = last;
        byPosition[last].heapIndex(i);
        m.heapIndex(IndexedHeap.NOT_IN_HEAP);
    }

    @Override
    public int availableCount() {
        return count;
    }

    @Override
    public Member availableAt(int i) {
        return byPosition[dense[i]];
    }

    @Override
    public Member pick(Call call) {
        if (count == 0) {
            return null;
        }
        for (int d = 0; d < DRAWS_BEFORE_SCAN; d++) {
            Member m = availableAt(random.nextInt(count));
            if (!call.hasTried(m.agent())) {
                return m;
            }
        }
        int untried = 0;
        for (int i = 0; i < count; i++) {
            if (!call.hasTried(availableAt(i).agent())) {
                untried++;
            }
        }
        if (untried == 0) {
            return null;
        }
        int k = random.nextInt(untried);
        for (int i = 0; i < count; i++) {
            if (!call.hasTried(availableAt(i).agent()) && k-- == 0) {
                return availableAt(i);
            }
        }
        throw new IllegalStateException("untried member count changed during a pick");
    }

    @Override
    public void clear() {
        for (int i = 0; i < count; i++) {
            availableAt(i).heapIndex(IndexedHeap.NOT_IN_HEAP);
        }
        Arrays.fill(byPosition, null);
        count = 0;
    }
}
