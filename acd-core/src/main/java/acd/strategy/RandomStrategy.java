package acd.strategy;

import acd.call.Call;
import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Uniform among available members the call has not tried. Members sit in a dense array
 * (swap-remove), a pick draws at random and, if it keeps hitting tried members, counts the
 * untried ones and draws among them, so the choice stays uniform.
 */
final class RandomStrategy implements RoutingStrategy {
    private static final int DRAWS_BEFORE_SCAN = 8;

    private final RandomGenerator random;
    private Member[] members = new Member[16];
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
        if (count == members.length) {
            members = Arrays.copyOf(members, count * 2);
        }
        members[count] = m;
        m.heapIndex(count++);
    }

    @Override
    public void remove(Member m) {
        int i = m.heapIndex();
        if (i < 0 || i >= count || members[i] != m) {
            return;
        }
        Member last = members[--count];
        members[i] = last;
        last.heapIndex(i);
        members[count] = null;
        m.heapIndex(IndexedHeap.NOT_IN_HEAP);
    }

    @Override
    public int availableCount() {
        return count;
    }

    @Override
    public Member availableAt(int i) {
        return members[i];
    }

    @Override
    public Member pick(Call call) {
        if (count == 0) {
            return null;
        }
        for (int d = 0; d < DRAWS_BEFORE_SCAN; d++) {
            Member m = members[random.nextInt(count)];
            if (!call.hasTried(m.agent())) {
                return m;
            }
        }
        int untried = 0;
        for (int i = 0; i < count; i++) {
            if (!call.hasTried(members[i].agent())) {
                untried++;
            }
        }
        if (untried == 0) {
            return null;
        }
        int k = random.nextInt(untried);
        for (int i = 0; i < count; i++) {
            if (!call.hasTried(members[i].agent()) && k-- == 0) {
                return members[i];
            }
        }
        throw new IllegalStateException("untried member count changed during a pick");
    }

    @Override
    public void clear() {
        for (int i = 0; i < count; i++) {
            members[i].heapIndex(IndexedHeap.NOT_IN_HEAP);
            members[i] = null;
        }
        count = 0;
    }
}
