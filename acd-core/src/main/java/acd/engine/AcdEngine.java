package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentSpec;
import acd.agent.RestoredStatus;
import acd.call.RingEnd;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.QueuePlace;
import acd.queue.QueueSpec;
import acd.time.TimerQueue;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The routing core: all queue, agent and call state, owned by one thread. Every command takes
 * the current time, fires the timers due before it, does its work, then settles: routes
 * waiting callers to offerable agents until no caller waits while an agent could take it.
 *
 * <p>A facade over the core's parts, which share one {@link CoreState}: {@link Reconfigure}
 * (config diff), {@link AgentLifecycle} (agent status and state), {@link CallLifecycle} (a
 * call's states and timeouts), {@link Router} (settle, offer, ring) and {@link CoreViews}
 * (snapshots). Not thread-safe: production drives it from an {@link AcdLoop}, tests call it
 * directly in virtual time.
 */
public final class AcdEngine {
    /** Timers fired per {@link #advanceTo(long, int)} by the loop, so a burst cannot starve its commands. */
    static final int TIMER_CAP = 256;

    private final CoreState core;
    private final AgentLifecycle agents;
    private final CallLifecycle calls;
    private final Router router;
    private final Reconfigure reconfigure;
    private final CoreViews views;

    public AcdEngine(CallControl control, AcdEventListener events, RandomGenerator random, ZoneId zone, long nowMs) {
        this.core = new CoreState(control, events, random, nowMs);
        this.agents = new AgentLifecycle(core, this::withdrawRing);
        this.calls = new CallLifecycle(core, agents);
        this.router = new Router(core, agents, calls, zone);
        this.reconfigure = new Reconfigure(core, agents, calls);
        this.views = new CoreViews(core);
    }

    /** The agent lifecycle's way to the call lifecycle, which is built after it. */
    private void withdrawRing(Agent a) {
        calls.withdrawRing(a);
    }

    // ------------------------------------------------------------------ time

    /** The core's current time: the latest time a command or {@link #advanceTo} brought. */
    public long nowMs() {
        return core.nowMs;
    }

    /** The next timer deadline, or {@link TimerQueue#NO_DEADLINE}. */
    public long nextDeadlineMs() {
        return core.timers.nextDeadlineMs();
    }

    /** Moves time forward to {@code targetMs}, firing every due timer in deadline order, each at its own deadline. */
    public void advanceTo(long targetMs) {
        while (!advanceTo(targetMs, TIMER_CAP)) {
            // each round fires up to the cap; virtual time wants every due timer
        }
    }

    /**
     * Moves time towards {@code targetMs}, firing at most {@code maxTimers} due timers in deadline
     * order, each at its own deadline, and routing after each deadline.
     *
     * @return true when time reached {@code targetMs}; false when the cap left timers due
     */
    boolean advanceTo(long targetMs, int maxTimers) {
        TimerQueue timers = core.timers;
        int fired = 0;
        while (timers.nextDeadlineMs() <= targetMs) {
            if (fired >= maxTimers) {
                return false;
            }
            core.nowMs = Math.max(core.nowMs, timers.nextDeadlineMs());
            fired += timers.poll(core.nowMs, maxTimers - fired);
            router.settle();
        }
        core.nowMs = Math.max(core.nowMs, targetMs);
        return true;
    }

    // ------------------------------------------------------------------ commands

    /** Applies a config as a diff (see {@link Reconfigure}). */
    public void configure(List<AgentSpec> agentSpecs, List<QueueSpec> queueSpecs, long atMs) {
        advanceTo(atMs);
        reconfigure.configure(agentSpecs, queueSpecs);
        router.settle();
    }

    /** What the records last had for some agents: how they start at the next configure (see {@link Reconfigure}). */
    public void restoreStatuses(Map<String, RestoredStatus> statuses) {
        reconfigure.restoreStatuses(statuses);
    }

    /** Status AVAILABLE, if logged out (a paused agent stays paused). */
    public void login(String agentId, long atMs) {
        advanceTo(atMs);
        agents.login(agentId);
        router.settle();
    }

    /** Status LOGGED_OUT at once: a ring is withdrawn, a call and its wrap-up carry on. */
    public void logout(String agentId, long atMs) {
        advanceTo(atMs);
        agents.logout(agentId);
        router.settle();
    }

    /** Status PAUSED with a reason, at once (as {@link #logout}); a logged-out agent is logged in paused. */
    public void pause(String agentId, String reason, long atMs) {
        advanceTo(atMs);
        agents.pause(agentId, reason);
        router.settle();
    }

    public void unpause(String agentId, long atMs) {
        advanceTo(atMs);
        agents.unpause(agentId);
        router.settle();
    }

    /** Whether the gateway can reach the agent (a registered contact or a forwarding device). */
    public void setReachable(String agentId, boolean reachable, long atMs) {
        advanceTo(atMs);
        agents.setReachable(agentId, reachable);
        router.settle();
    }

    /** Calls each agent answered earlier today, from the records: given once at start, after a restart. */
    public void addAnsweredToday(Map<String, Integer> answered, long atMs) {
        advanceTo(atMs);
        router.addAnsweredToday(answered);
        router.settle();
    }

    /** A call the agent made themselves started or ended: not offered queue calls while one lasts. */
    public void ownCall(String agentId, String callId, boolean inProgress, long atMs) {
        advanceTo(atMs);
        agents.ownCall(agentId, callId, inProgress);
        router.settle();
    }

    /**
     * A caller joins {@code queueId} with a caller priority (0 = normal, higher goes first); see
     * {@link CallLifecycle#enqueue} for the callers sent on at once.
     */
    public void enqueue(String callId, String queueId, int priority, long atMs) {
        advanceTo(atMs);
        calls.enqueue(callId, queueId, priority);
        router.settle();
    }

    /** An agent's leg answered. A late answer (ring already cancelled) is hung up again. */
    public void answered(String callId, String agentId, long atMs) {
        advanceTo(atMs);
        calls.answered(callId, agentId);
        router.settle();
    }

    /** A ring ended without an answer before the core cancelled it (busy, declined, unreachable). */
    public void ringFailed(String callId, String agentId, RingEnd why, long atMs) {
        advanceTo(atMs);
        calls.ringFailed(callId, agentId, why);
        router.settle();
    }

    /** The caller hung up, or either side of a bridged call did. Unknown calls are ignored. */
    public void hangup(String callId, long atMs) {
        advanceTo(atMs);
        calls.hangup(callId);
        router.settle();
    }

    /**
     * We hung up a bridged call because a side sent no RTP for {@code silentMs}: outcome
     * MEDIA_TIMEOUT, talk up to the last packet. Unknown calls are ignored.
     */
    public void mediaTimeout(String callId, long silentMs, long atMs) {
        advanceTo(atMs);
        calls.mediaTimeout(callId, silentMs);
        router.settle();
    }

    // ------------------------------------------------------------------ queries

    public Optional<AgentView> agent(String id) {
        return views.agent(id);
    }

    public List<AgentView> agents() {
        return views.agents();
    }

    public Optional<QueueView> queue(String id) {
        return views.queue(id);
    }

    public List<QueueView> queues() {
        return views.queues();
    }

    public Optional<CallView> call(String callId) {
        return views.call(callId);
    }

    /** The caller's place in line and expected remaining wait; {@link QueuePlace#NOT_QUEUED} when not in line. */
    public QueuePlace place(String callId) {
        return views.place(callId);
    }

    /** Calls the core holds (waiting, ringing or bridged). */
    public int callCount() {
        return core.calls.size();
    }
}
