package acd.strategy;

import acd.index.IndexedHeap;
import acd.queue.Member;
import java.util.Arrays;

/**
 * The available members of an ordered strategy: a binary min-heap by {@link MemberOrder} that
 * holds only primitives. A member is known by its {@link Member#position} in the queue, and its
 * keys are copied in when it joins (they are fixed while it is available). Sifting moves ints and
 * longs only: it never loads a Member or its Agent to compare, and joining or leaving stores no
 * reference once the member has been in the heap (a reference stored into an old-generation
 * array dirties a card that G1's refinement threads then scan, on this 2-core box, against the
 * routing thread). At 10,000 agents those loads and card marks were most of the cost of an agent
 * going busy or idle, which leaves or joins the heaps of all its queues.
 */
final class MemberHeap {
    private final MemberOrder order;
    /** By position: the member last indexed there (kept after it leaves, so re-joining stores nothing). */
    private Member[] byPosition = new Member[16];
    /** By position: the heap slot while the member is in. */
    private int[] slotOf = new int[16];
    /** By slot: the position. */
    private int[] heap = new int[16];
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
        return byPosition[heap[i]];
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
            throw new IllegalStateException(m + " already indexed at " + m.heapIndex());
        }
        int p = m.position();
        if (p >= byPosition.length) {
            byPosition = Arrays.copyOf(byPosition, Math.max(p + 1, byPosition.length * 2));
            slotOf = Arrays.copyOf(slotOf, byPosition.length);
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            keys = Arrays.copyOf(keys, size * 4);
        }
        if (byPosition[p] != m) {
            byPosition[p] = m;
        }
        m.heapIndex(p);
        long rankSeq = ((long) order.rank(m) << 32) | (m.agent().seq() & 0xFFFF_FFFFL);
        siftUp(size++, p, rankSeq, m.agent().idleSinceMs());
    }

    /** Removes {@code m} if it is in this heap. */
    void remove(Member m) {
        int p = m.heapIndex();
        if (p < 0 || p >= byPosition.length || byPosition[p] != m) {
            return;
        }
        m.heapIndex(IndexedHeap.NOT_IN_HEAP);
        int i = slotOf[p];
        int last = --size;
        if (i == last) {
            return;
        }
        int moved = heap[last];
        long rankSeq = keys[2 * last];
        long idle = keys[2 * last + 1];
        if (i > 0 && before(rankSeq, idle, keys[2 * parent(i)], keys[2 * parent(i) + 1])) {
            siftUp(i, moved, rankSeq, idle);
        } else {
            siftDown(i, moved, rankSeq, idle);
        }
    }

    /** Empties the heap and forgets the members (the queue's members are being re-created). */
    void clear() {
        for (int i = 0; i < size; i++) {
            at(i).heapIndex(IndexedHeap.NOT_IN_HEAP);
        }
        Arrays.fill(byPosition, null);
        size = 0;
    }

    private static int parent(int i) {
        return (i - 1) >>> 1;
    }

    /** Moves the hole at {@code i} up until the keys fit, then puts position {@code p} there. */
    private void siftUp(int i, int p, long rankSeq, long idle) {
        while (i > 0) {
            int up = parent(i);
            if (!before(rankSeq, idle, keys[2 * up], keys[2 * up + 1])) {
                break;
            }
            put(i, heap[up], keys[2 * up], keys[2 * up + 1]);
            i = up;
        }
        put(i, p, rankSeq, idle);
    }

    private void siftDown(int i, int p, long rankSeq, long idle) {
        int half = size >>> 1;
        while (i < half) {
            int c = IndexedHeap.leftChild(i);
            if (c + 1 < size && before(c + 1, c)) {
                c++;
            }
            if (!before(keys[2 * c], keys[2 * c + 1], rankSeq, idle)) {
                break;
            }
            put(i, heap[c], keys[2 * c], keys[2 * c + 1]);
            i = c;
        }
        put(i, p, rankSeq, idle);
    }

    private void put(int i, int p, long rankSeq, long idle) {
        heap[i] = p;
        keys[2 * i] = rankSeq;
        keys[2 * i + 1] = idle;
        slotOf[p] = i;
    }
}
