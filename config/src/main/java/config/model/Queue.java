package config.model;

import acd.queue.NoAgentsPolicy;
import acd.strategy.StrategyKind;
import ivr.menu.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A queue. A zero {@code maxWaitTime} means no limit, a zero {@code announcePosition} no
 * announcements, {@code maxLength} 0 no limit and {@code autoPause} 0 never.
 *
 * @param greeting  played once on joining, or null
 * @param holdMusic looped while waiting, or null for silence
 * @param autoPause unanswered rings in a row after which an agent is paused
 * @param serviceLevel answered within this counts towards the queue's service level
 * @param forwardConfirm whether an agent's personal device must press 1 to take a call (unless the agent says)
 */
public record Queue(String id, String department, StrategyKind strategy, Duration ringTimeout,
                    Duration maxWaitTime, Destination whenMaxWait, NoAgentsPolicy whenNoAgents,
                    Duration wrapUpTime, Path greeting, Path holdMusic, Duration announcePosition,
                    boolean record, int maxLength, int autoPause, Duration serviceLevel, List<Member> members,
                    boolean forwardConfirm) {
    public Queue {
        members = List.copyOf(members);
    }
}
