package acd.strategy;

import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;

/**
 * The available members of an ordered strategy: a binary min-heap by {@link MemberOrder} whose
 * keys are copied into one primitive array when a member joins (they are fixed while it is
 * available). Comparing two slots reads that array only, never the Member or its Agent: at
 * 10,000 agents those two pointer loads per compare were cache misses and most of the cost of
 * an agent going busy or idle (each leaves or joins the heaps of all its queues). Members
 * remember their slot ({@link Member#heapIndex}), so removing any one is O(log n).
 */
final class MemberHeap {
    private final MemberOrder order;
    private Member[] items = new Member[16];
    /** Two longs per slot: rank in the high half and agent seq in the low half, then idle-since. */
    private long[] keys = new long[32];
    private int size;

    MemberHeap(MemberOrder order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    /** The member in slot {@code i}, {@code 0 <= i < size()}; slot 0 is the best. */
    Member at(int i) {
        return items[i];
    }

    /** The agent sequence number of the member in slot {@code i}, without loading the agent. */
    int agentSeqAt(int i) {
        return (int) keys[2 * i];
    }

    /** Whether slot {@code a} comes before slot {@code b}. */
    boolean before(int a, int b) {
        return before(keys[2 * a], keys[2 * a + 1], keys[2 * b], keys[2 * b + 1]);
    }

    private static boolean before(long rankSeqA, long idleA, long rankSeqB, long idleB) {
        int ra = (int) (rankSeqA >> 32);
        int rb = (int) (rankSeqB >> 32);
        if (ra != rb) {
            return ra < rb;
        }
        if (idleA != idleB) {
            return idleA < idleB;
        }
        return (int) rankSeqA < (int) rankSeqB;
    }

    void add(Member m) {
        if (m.heapIndex() != IndexedHeap.NOT_IN_HEAP) {
            throw new IllegalStateException(m + " already indexed at slot " + m.heapIndex());
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 4);
        }
        long rankSeq = ((long) order.rank(m) << 32) | (m.agent().seq() & 0xFFFF_FFFFL);
        siftUp(size++, m, rankSeq, m.agent().idleSinceMs());
    }

    /** Removes {@code m} if it is in this heap. */
    void remove(Member m) {
        int i = m.heapIndex();
        if (i < 0 || i >= size || items[i] != m) {
            return;
        }
        int last = --size;
        m.heapIndex(IndexedHeap.NOT_IN_HEAP);
        Member moved = items[last];
        long rankSeq = keys[2 * last];
        long idle = keys[2 * last + 1];
        items[last] = null;
        if (i == last) {
            return;
        }
        if (i > 0 && before(rankSeq, idle, keys[2 * parent(i)], keys[2 * parent(i) + 1])) {
            siftUp(i, moved, rankSeq, idle);
        } else {
            siftDown(i, moved, rankSeq, idle);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            items[i].heapIndex(IndexedHeap.NOT_IN_HEAP);
            items[i] = null;
        }
        size = 0;
    }

    private static int parent(int i) {
        return (i - 1) >>> 1;
    }

    /** Moves the hole at {@code i} up until {@code m}'s keys fit, then puts {@code m} there. */
    private void siftUp(int i, Member m, long rankSeq, long idle) {
        while (i > 0) {
            int p = parent(i);
            if (!before(rankSeq, idle, keys[2 * p], keys[2 * p + 1])) {
                break;
            }
            put(i, items[p], keys[2 * p], keys[2 * p + 1]);
            i = p;
        }
        put(i, m, rankSeq, idle);
    }

    private void siftDown(int i, Member m, long rankSeq, long idle) {
        int half = size >>> 1;
        while (i < half) {
            int c = IndexedHeap.leftChild(i);
            if (c + 1 < size && before(c + 1, c)) {
                c++;
            }
            if (!before(keys[2 * c], keys[2 * c + 1], rankSeq, idle)) {
                break;
            }
            put(i, items[c], keys[2 * c], keys[2 * c + 1]);
            i = c;
        }
        put(i, m, rankSeq, idle);
    }

    private void put(int i, Member m, long rankSeq, long idle) {
        items[i] = m;
        keys[2 * i] = rankSeq;
        keys[2 * i + 1] = idle;
        m.heapIndex(i);
    }
}
