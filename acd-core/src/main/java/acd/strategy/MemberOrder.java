package acd.strategy;

import acd.queue.Member;

/**
 * Orderings of available members: a rank (lowest first), then longest idle, then the agent's
 * sequence number so routing is repeatable. Every key is fixed while the member is available
 * (idle time and answered count only change while the agent is busy), so {@link MemberHeap}
 * copies them in when the member joins and never looks at the agent again.
 */
enum MemberOrder {
    /** Longest idle first. */
    LONGEST_IDLE {
        @Override
        int rank(Member m) {
            return 0;
        }
    },
    /** Highest member priority (lowest number) first, then longest idle. */
    PRIORITY {
        @Override
        int rank(Member m) {
            return m.priority();
        }
    },
    /** Fewest answered calls today first, then longest idle. */
    FEWEST_CALLS {
        @Override
        int rank(Member m) {
            return m.agent().answeredToday();
        }
    };

    /** The first key; ties go to the longest idle, then the lower agent sequence number. */
    abstract int rank(Member m);
}
