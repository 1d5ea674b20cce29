package acd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IndexedHeapTest {

    static final class Item implements IndexedHeap.Element {
        final int key;
        final int id;
        int slot = IndexedHeap.NOT_IN_HEAP;

        Item(int key, int id) {
            this.key = key;
            this.id = id;
        }

        @Override
        public int heapIndex() {
            return slot;
        }

        @Override
        public void heapIndex(int index) {
            slot = index;
        }
    }

    private static final Comparator<Item> ORDER = Comparator.<Item>comparingInt(i -> i.key).thenComparingInt(i -> i.id);

    @Test
    void randomAddsAndRemovesMatchASortedSet() {
        SplittableRandom rnd = new SplittableRandom(7);
        IndexedHeap<Item> heap = new IndexedHeap<>(ORDER, 2);
        TreeSet<Item> model = new TreeSet<>(ORDER);
        List<Item> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(new Item(rnd.nextInt(100), i));
        }
        for (int step = 0; step < 50_000; step++) {
            Item it = all.get(rnd.nextInt(all.size()));
            if (heap.contains(it)) {
                assertTrue(heap.remove(it));
                model.remove(it);
            } else if (rnd.nextBoolean()) {
                heap.add(it);
                model.add(it);
            } else if (!heap.isEmpty()) {
                Item head = heap.poll();
                assertEquals(model.pollFirst(), head);
                assertEquals(IndexedHeap.NOT_IN_HEAP, head.slot);
            }
            assertEquals(model.size(), heap.size());
            if (!model.isEmpty()) {
                assertEquals(model.first(), heap.peek());
            }
        }
    }

    @Test
    void elementCannotSitInTwoHeaps() {
        IndexedHeap<Item> a = new IndexedHeap<>(ORDER, 4);
        IndexedHeap<Item> b = new IndexedHeap<>(ORDER, 4);
        Item it = new Item(1, 1);
        a.add(it);
        assertThrows(IllegalStateException.class, () -> b.add(it));
        assertFalse(b.remove(it));
        a.clear();
        assertEquals(IndexedHeap.NOT_IN_HEAP, it.slot);
    }
}
