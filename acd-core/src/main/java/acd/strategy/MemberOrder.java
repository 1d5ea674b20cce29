package acd.strategy;

import acd.queue.Member;
import java.util.Comparator;

/**
 * Orderings of available members. Every key is fixed while the member is available (idle
 * time and answered count only change while the agent is busy), which keeps the heaps valid.
 */
final class MemberOrder {
    private MemberOrder() {
    }

    /** Longest idle first; the agent's sequence number breaks ties so routing is repeatable. */
    static final Comparator<Member> LONGEST_IDLE = (a, b) -> {
        int c = Long.compare(a.agent().idleSinceMs(), b.agent().idleSinceMs());
        return c != 0 ? c : Integer.compare(a.agent().seq(), b.agent().seq());
    };

    /** Highest member priority (lowest number) first, then longest idle. */
    static final Comparator<Member> PRIORITY = (a, b) -> {
        int c = Integer.compare(a.priority(), b.priority());
        return c != 0 ? c : LONGEST_IDLE.compare(a, b);
    };

    /** Fewest answered calls today first, then longest idle. */
    static final Comparator<Member> FEWEST_CALLS = (a, b) -> {
        int c = Integer.compare(a.agent().answeredToday(), b.agent().answeredToday());
        return c != 0 ? c : LONGEST_IDLE.compare(a, b);
    };
}
