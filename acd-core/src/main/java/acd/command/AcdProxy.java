package acd.command;

import acd.agent.AgentSpec;
import acd.agent.AgentStatus;
import acd.agent.RestoredStatus;
import acd.call.RingEnd;
import acd.engine.AcdEngine;
import acd.engine.AgentView;
import acd.engine.CallView;
import acd.engine.QueueView;
import acd.queue.QueuePlace;
import acd.queue.QueueSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link AcdCommands} as commands for the core's thread: posted to the {@link acd.engine.AcdLoop}
 * in production, or run straight in when single-threaded ({@link CommandSink#direct}).
 */
public final class AcdProxy implements AcdCommands {
    private final CommandSink loop;

    public AcdProxy(CommandSink loop) {
        this.loop = loop;
    }

    @Override
    public void configure(List<AgentSpec> agents, List<QueueSpec> queues) {
        List<AgentSpec> a = List.copyOf(agents);
        List<QueueSpec> q = List.copyOf(queues);
        loop.post((e, now) -> e.configure(a, q, now));
    }

    @Override
    public void restoreStatuses(Map<String, RestoredStatus> statuses) {
        Map<String, RestoredStatus> copy = Map.copyOf(statuses);
        loop.post((e, now) -> e.restoreStatuses(copy));
    }

    @Override
    public void reachable(String agentId, boolean reachable) {
        loop.post((e, now) -> e.setReachable(agentId, reachable, now));
    }

    @Override
    public void ownCall(String agentId, String callId, boolean inProgress) {
        loop.post((e, now) -> e.ownCall(agentId, callId, inProgress, now));
    }

    @Override
    public void addAnsweredToday(Map<String, Integer> answered) {
        Map<String, Integer> copy = Map.copyOf(answered);
        loop.post((e, now) -> e.addAnsweredToday(copy, now));
    }

    @Override
    public void login(String agentId) {
        loop.post((e, now) -> e.login(agentId, now));
    }

    @Override
    public void logout(String agentId) {
        loop.post((e, now) -> e.logout(agentId, now));
    }

    @Override
    public void pause(String agentId, String reason) {
        loop.post((e, now) -> e.pause(agentId, reason, now));
    }

    @Override
    public void unpause(String agentId) {
        loop.post((e, now) -> e.unpause(agentId, now));
    }

    @Override
    public CompletableFuture<Boolean> toggleLogin(String agentId) {
        return loop.ask((e, now) -> {
            AgentStatus status = statusOf(e, agentId);
            if (status == null) {
                return false;
            }
            if (status == AgentStatus.LOGGED_OUT) {
                e.login(agentId, now);
                return true;
            }
            e.logout(agentId, now);
            return false;
        });
    }

    @Override
    public CompletableFuture<Boolean> togglePause(String agentId, String reason) {
        return loop.ask((e, now) -> {
            AgentStatus status = statusOf(e, agentId);
            if (status == null) {
                return false;
            }
            if (status == AgentStatus.PAUSED) {
                e.unpause(agentId, now);
                return false;
            }
            e.pause(agentId, reason, now);
            return true;
        });
    }

    private static AgentStatus statusOf(AcdEngine e, String agentId) {
        return e.agent(agentId).map(AgentView::status).orElse(null);
    }

    @Override
    public void enqueue(String callId, String queueId, int priority) {
        loop.post((e, now) -> e.enqueue(callId, queueId, priority, now));
    }

    @Override
    public void answered(String callId, String agentId) {
        loop.post((e, now) -> e.answered(callId, agentId, now));
    }

    @Override
    public void ringFailed(String callId, String agentId, RingEnd why) {
        loop.post((e, now) -> e.ringFailed(callId, agentId, why, now));
    }

    @Override
    public void hangup(String callId) {
        loop.post((e, now) -> e.hangup(callId, now));
    }

    @Override
    public void mediaTimeout(String callId, long silentMs) {
        loop.post((e, now) -> e.mediaTimeout(callId, silentMs, now));
    }

    @Override
    public CompletableFuture<QueuePlace> place(String callId) {
        return askNow(e -> e.place(callId));
    }

    @Override
    public CompletableFuture<Optional<AgentView>> agent(String agentId) {
        return loop.ask((e, now) -> e.agent(agentId));
    }

    @Override
    public CompletableFuture<List<AgentView>> agents() {
        return loop.ask((e, now) -> e.agents());
    }

    @Override
    public CompletableFuture<Optional<QueueView>> queue(String queueId) {
        return askNow(e -> e.queue(queueId));
    }

    @Override
    public CompletableFuture<List<QueueView>> queues() {
        return askNow(e -> e.queues());
    }

    @Override
    public CompletableFuture<Optional<CallView>> call(String callId) {
        return askNow(e -> e.call(callId));
    }

    /** A query whose answer depends on the time (waits, positions): timers due by now fire first. */
    private <T> CompletableFuture<T> askNow(Function<AcdEngine, T> query) {
        return loop.ask((e, now) -> {
            e.advanceTo(now);
            return query.apply(e);
        });
    }
}
