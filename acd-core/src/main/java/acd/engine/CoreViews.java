package acd.engine;

import acd.agent.Agent;
import acd.call.Call;
import acd.call.CallState;
import acd.queue.Member;
import acd.queue.Queue;
import acd.queue.QueuePlace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only snapshots of the core's state, for the gateway, the admin API and tests. */
final class CoreViews {
    private final CoreState core;

    CoreViews(CoreState core) {
        this.core = core;
    }

    Optional<AgentView> agent(String id) {
        return Optional.ofNullable(core.agents.get(id)).map(CoreViews::view);
    }

    List<AgentView> agents() {
        return core.agents.values().stream().map(CoreViews::view).toList();
    }

    private static AgentView view(Agent a) {
        List<String> qs = new ArrayList<>();
        for (Member m : a.memberships()) {
            qs.add(m.queue().id());
        }
        return new AgentView(a.id(), a.name(), a.status(), a.pauseReason(), a.state(), a.reachable(), a.onOwnCall(),
                a.call() == null ? null : a.call().id(), a.answeredToday(), qs, a.statusSinceMs(), a.stateSinceMs());
    }

    Optional<QueueView> queue(String id) {
        return Optional.ofNullable(core.queues.get(id)).map(this::view);
    }

    List<QueueView> queues() {
        return core.queues.values().stream().map(this::view).toList();
    }

    private QueueView view(Queue q) {
        int ringing = 0;
        long longest = 0;
        for (Call c = q.lineHead(); c != null; c = c.nextInLine()) {
            if (c.state() == CallState.RINGING_AGENT) {
                ringing++;
            }
            longest = Math.max(longest, core.nowMs - c.enqueuedMs());
        }
        return new QueueView(q.id(), q.spec().department(), q.strategy().kind(),
                q.lineSize() - ringing, ringing, q.strategy().availableCount(), q.staffedCount(),
                q.members().size(), longest);
    }

    Optional<CallView> call(String callId) {
        Call c = core.calls.get(callId);
        if (c == null) {
            return Optional.empty();
        }
        boolean inLine = c.state().inLine();
        long waitEnd = inLine ? core.nowMs : c.answeredMs();
        return Optional.of(new CallView(c.id(), c.queue().id(), c.state(),
                inLine ? c.queue().positionOf(c) : 0,
                c.agent() != null ? c.agent().id() : c.ringing().isEmpty() ? null : c.ringing().get(0).id(),
                waitEnd - c.enqueuedMs()));
    }

    /** The caller's place in line and expected remaining wait; {@link QueuePlace#NOT_QUEUED} when not in line. */
    QueuePlace place(String callId) {
        Call c = core.calls.get(callId);
        if (c == null || !c.state().inLine()) {
            return QueuePlace.NOT_QUEUED;
        }
        Queue q = c.queue();
        return new QueuePlace(q.positionOf(c), q.waits().remainingMs(core.nowMs - c.enqueuedMs()));
    }
}
