package acd.engine;

import acd.strategy.StrategyKind;

/**
 * A snapshot of one queue.
 *
 * @param waiting   callers in line with no agent being rung
 * @param ringing   callers in line with an agent being rung
 * @param available members that could be rung now
 * @param staffed   members logged in, reachable and not paused
 */
public record QueueView(String id, String department, StrategyKind strategy, int waiting, int ringing,
                        int available, int staffed, int members, long longestWaitMs) {
}
