package acd.queue;

import acd.strategy.StrategyKind;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the config says of a queue, as far as routing cares. Durations are in milliseconds;
 * 0 means "none" for {@code maxWaitMs}, {@code maxLength} and {@code autoPauseAfter}.
 *
 * @param autoPauseAfter consecutive unanswered rings after which an agent is paused ("no answer")
 */
public record QueueSpec(
        String id,
        String department,
        StrategyKind strategy,
        long ringTimeoutMs,
        long maxWaitMs,
        NoAgentsPolicy whenNoAgents,
        int maxLength,
        long wrapUpMs,
        int autoPauseAfter,
        List<MemberSpec> members) {

    public static final long DEFAULT_RING_TIMEOUT_MS = 15_000;
    public static final int DEFAULT_AUTO_PAUSE_AFTER = 3;

    public QueueSpec {
        Objects.requireNonNull(id, "id");
        department = department == null ? id : department;
        strategy = strategy == null ? StrategyKind.PRIORITY : strategy;
        whenNoAgents = whenNoAgents == null ? NoAgentsPolicy.WAIT : whenNoAgents;
        members = List.copyOf(members);
        if (ringTimeoutMs <= 0) {
            throw new IllegalArgumentException("queue " + id + ": ringTimeout must be positive, was " + ringTimeoutMs + "ms");
        }
        if (maxWaitMs < 0 || wrapUpMs < 0 || maxLength < 0 || autoPauseAfter < 0) {
            throw new IllegalArgumentException("queue " + id + ": maxWaitTime, wrapUpTime, maxLength and autoPause must not be negative");
        }
        // one membership per agent: a second one would put the agent twice in the queue's index
        Set<String> seen = new HashSet<>();
        for (MemberSpec m : members) {
            if (!seen.add(m.agentId())) {
                throw new IllegalArgumentException("queue " + id + ": member " + m.agentId() + " is listed more than once");
            }
        }
    }

    /** A queue with defaults for everything but its id, strategy and members. */
    public static QueueSpec of(String id, StrategyKind strategy, List<MemberSpec> members) {
        return new QueueSpec(id, id, strategy, DEFAULT_RING_TIMEOUT_MS, 0,
                NoAgentsPolicy.WAIT, 0, 0, DEFAULT_AUTO_PAUSE_AFTER, members);
    }

    public QueueSpec withRingTimeoutMs(long ms) {
        return new QueueSpec(id, department, strategy, ms, maxWaitMs, whenNoAgents, maxLength, wrapUpMs, autoPauseAfter, members);
    }

    public QueueSpec withMaxWait(long ms) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, ms, whenNoAgents, maxLength, wrapUpMs, autoPauseAfter, members);
    }

    public QueueSpec withWhenNoAgents(NoAgentsPolicy policy) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, maxWaitMs, policy, maxLength, wrapUpMs, autoPauseAfter, members);
    }

    public QueueSpec withMaxLength(int n) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, maxWaitMs, whenNoAgents, n, wrapUpMs, autoPauseAfter, members);
    }

    public QueueSpec withWrapUpMs(long ms) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, maxWaitMs, whenNoAgents, maxLength, ms, autoPauseAfter, members);
    }

    public QueueSpec withAutoPauseAfter(int n) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, maxWaitMs, whenNoAgents, maxLength, wrapUpMs, n, members);
    }

    public QueueSpec withStrategy(StrategyKind kind) {
        return new QueueSpec(id, department, kind, ringTimeoutMs, maxWaitMs, whenNoAgents, maxLength, wrapUpMs, autoPauseAfter, members);
    }

    public QueueSpec withMembers(List<MemberSpec> list) {
        return new QueueSpec(id, department, strategy, ringTimeoutMs, maxWaitMs, whenNoAgents, maxLength, wrapUpMs, autoPauseAfter, list);
    }
}
