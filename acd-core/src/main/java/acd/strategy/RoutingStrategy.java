package acd.strategy;

import acd.call.Call;
import acd.queue.Member;
import java.util.List;

/**
 * A queue's index of its available members, ordered the way the strategy picks. Members are
 * added when their agent becomes available and removed when it stops being so, so a pick reads
 * the index instead of scanning every member. Implementations allocate nothing per pick.
 */
public interface RoutingStrategy {
    StrategyKind kind();

    void add(Member m);

    void remove(Member m);

    int availableCount();

    /** The member to ring next for {@code call}: the best available one it has not tried, or null. */
    Member pick(Call call);

    /**
     * Adds to {@code out} the members to ring now for {@code call}: the one {@link #pick} gives
     * for single-ring strategies, every untried available member for ring-all. When the call has
     * tried every available member a new round starts. Adds nothing only when none is available.
     */
    default void fillRing(Call call, List<Member> out) {
        Member m = pick(call);
        if (m == null) {
            call.forgetTried();
            m = pick(call);
        }
        if (m != null) {
            out.add(m);
        }
    }

    /** The {@code i}-th available member, in no particular order ({@code 0 <= i < availableCount()}). */
    Member availableAt(int i);

    /** Told when a member is rung, for strategies with memory (round-robin). */
    default void rung(Member m) {
    }

    /** Drops every member (the queue is being rebuilt); memory across calls is kept. */
    void clear();

    static RoutingStrategy create(StrategyKind kind, java.util.random.RandomGenerator random) {
        return switch (kind) {
            case PRIORITY -> new OrderedStrategy(kind, MemberOrder.PRIORITY);
            case LONGEST_IDLE -> new OrderedStrategy(kind, MemberOrder.LONGEST_IDLE);
            case RING_ALL -> new RingAllStrategy();
            case FEWEST_CALLS -> new OrderedStrategy(kind, MemberOrder.FEWEST_CALLS);
            case RANDOM -> new RandomStrategy(random);
            case ROUND_ROBIN -> new RoundRobinStrategy();
        };
    }
}
