package acd.index;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A binary min-heap whose elements remember their own slot, so removing any element is
 * O(log n) and nothing is allocated after the backing array has grown. The waiting callers
 * of each queue and the timer queue are built on it (available members: {@code acd.strategy.MemberHeap}).
 * An element may sit in one heap at a time. Not thread-safe.
 */
public final class IndexedHeap<E extends IndexedHeap.Element> {
    public static final int NOT_IN_HEAP = -1;

    /** Something that can sit in one {@link IndexedHeap} and remembers where. */
    public interface Element {
        int heapIndex();

        void heapIndex(int index);
    }

    private final Comparator<? super E> order;
    private Element[] items;
    private int size;

    public IndexedHeap(Comparator<? super E> order, int initialCapacity) {
        this.order = order;
        this.items = new Element[Math.max(4, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(E e) {
        int i = e.heapIndex();
        return i >= 0 && i < size && items[i] == e;
    }

    /** The element in slot {@code i}, {@code 0 <= i < size()}; slot 0 is the least. */
    @SuppressWarnings("unchecked")
    public E at(int i) {
        return (E) items[i];
    }

    /** Slot of the left child of slot {@code i} (the right one is the next slot). */
    public static int leftChild(int i) {
        return 2 * i + 1;
    }

    public E peek() {
        return size == 0 ? null : at(0);
    }

    public void add(E e) {
        if (e.heapIndex() != NOT_IN_HEAP) {
            throw new IllegalStateException("element already in a heap at slot " + e.heapIndex());
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size] = e;
        e.heapIndex(size);
        size++;
        siftUp(size - 1);
    }

    public E poll() {
        if (size == 0) {
            return null;
        }
        E head = at(0);
        removeAt(0);
        return head;
    }

    /** Removes {@code e}; returns false if it was not in this heap. */
    public boolean remove(E e) {
        if (!contains(e)) {
            return false;
        }
        removeAt(e.heapIndex());
        return true;
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            items[i].heapIndex(NOT_IN_HEAP);
            items[i] = null;
        }
        size = 0;
    }

    private void removeAt(int i) {
        E removed = at(i);
        size--;
        if (i != size) {
            Element last = items[size];
            items[i] = last;
            last.heapIndex(i);
            items[size] = null;
            siftDown(i);
            if (items[i] == last) {
                siftUp(i);
            }
        } else {
            items[size] = null;
        }
        removed.heapIndex(NOT_IN_HEAP);
    }

    private void siftUp(int i) {
        E e = at(i);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            E p = at(parent);
            if (order.compare(e, p) >= 0) {
                break;
            }
            items[i] = p;
            p.heapIndex(i);
            i = parent;
        }
        items[i] = e;
        e.heapIndex(i);
    }

    private void siftDown(int i) {
        E e = at(i);
        int half = size >>> 1;
        while (i < half) {
            int child = leftChild(i);
            E c = at(child);
            int right = child + 1;
            if (right < size && order.compare(at(right), c) < 0) {
                child = right;
                c = at(right);
            }
            if (order.compare(e, c) <= 0) {
                break;
            }
            items[i] = c;
            c.heapIndex(i);
            i = child;
        }
        items[i] = e;
        e.heapIndex(i);
    }
}
