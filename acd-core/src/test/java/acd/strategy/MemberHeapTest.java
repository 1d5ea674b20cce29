package acd.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import acd.agent.Agent;
import acd.agent.AgentSpec;
import acd.index.IndexedHeap;
import acd.queue.Member;
import acd.queue.MemberSpec;
import acd.queue.Queue;
import acd.queue.QueueSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The member heap keeps its members in the strategy's order through random adds and removes. */
class MemberHeapTest {
    /** The orderings as the member heap must keep them, read from the members themselves. */
    private static Comparator<Member> reference(MemberOrder order) {
        return Comparator.<Member>comparingInt(order::rank)
                .thenComparingLong(m -> m.agent().idleSinceMs())
                .thenComparingInt(m -> m.agent().seq());
    }

    private static List<Member> members(int n, SplittableRandom random) {
        Queue q = new Queue(QueueSpec.of("q", StrategyKind.PRIORITY, List.of()), null);
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Agent a = new Agent(AgentSpec.of("a" + i), i, x -> { });
            a.callEndedAt(random.nextInt(20)); // few idle times, so ties go to the seq
            out.add(new Member(a, q, 1 + random.nextInt(3), i));
        }
        return out;
    }

    @Test
    void pollsInOrderThroughRandomAddsAndRemoves() {
        for (MemberOrder order : MemberOrder.values()) {
            SplittableRandom random = new SplittableRandom(order.ordinal());
            List<Member> all = members(60, random);
            MemberHeap heap = new MemberHeap(order);
            List<Member> in = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                Member m = all.get(random.nextInt(all.size()));
                if (in.contains(m)) {
                    heap.remove(m);
                    in.remove(m);
                } else {
                    heap.add(m);
                    in.add(m);
                }
                in.sort(reference(order));
                assertEquals(in.size(), heap.size());
                if (!in.isEmpty()) {
                    assertEquals(in.get(0), heap.at(0), order + " step " + step);
                    assertEquals(in.get(0).agent().seq(), heap.agentSeqAt(0));
                }
            }
            heap.clear();
            assertEquals(0, heap.size());
            all.forEach(m -> assertEquals(IndexedHeap.NOT_IN_HEAP, m.heapIndex()));
        }
    }

    @Test
    void aMemberSitsInOneHeapAtATime() {
        Member m = members(1, new SplittableRandom(1)).get(0);
        MemberHeap heap = new MemberHeap(MemberOrder.PRIORITY);
        heap.add(m);
        assertThrows(IllegalStateException.class, () -> heap.add(m));
        new MemberHeap(MemberOrder.PRIORITY).remove(m); // not there: nothing happens
        assertEquals(1, heap.size());
        heap.remove(m);
        heap.remove(m);
        assertEquals(0, heap.size());
    }
}
