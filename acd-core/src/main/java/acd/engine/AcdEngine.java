package acd.engine;

import acd.agent.Agent;
import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.call.Call;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.call.Target;
import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.Member;
import acd.queue.MemberSpec;
import acd.queue.NoAgentsPolicy;
import acd.queue.Queue;
import acd.queue.QueuePlace;
import acd.queue.QueueSpec;
import acd.strategy.RoutingStrategy;
import acd.strategy.StrategyKind;
import acd.time.Timer;
import acd.time.TimerQueue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing core: all queue, agent and call state, owned by one thread. Every command takes
 * the current time, fires the timers due before it, does its work, then settles: routes
 * waiting callers to available agents until no caller waits while an eligible agent is idle.
 *
 * <p>Routing reads each queue's index of available members (see {@link RoutingStrategy}); only
 * queues touched by a command (a caller joined, a member became available) are looked at, and
 * across them the caller who waited longest (caller priority first) is served first. Not
 * thread-safe: production drives it from an {@link AcdLoop}, tests call it directly in
 * virtual time.
 */
public final class AcdEngine implements Call.Timeouts {
    private static final Logger log = LoggerFactory.getLogger(AcdEngine.class);
    private static final String NO_ANSWER = "no answer";

    private final CallControl control;
    private final AcdEventListener events;
    private final RandomGenerator random;
    private final ZoneId zone;

    private final TimerQueue timers = new TimerQueue();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final ArrayList<Queue> dirty = new ArrayList<>();
    private final ArrayList<Queue> emptyChecks = new ArrayList<>();
    private final ArrayList<Member> ringAllBatch = new ArrayList<>();
    private final Timer midnight;

    private long nowMs;
    private long nextCallSeq;
    private int nextAgentSeq;
    private boolean settling;

    public AcdEngine(CallControl control, AcdEventListener events, RandomGenerator random, ZoneId zone, long nowMs) {
        this.control = control;
        this.events = events;
        this.random = random;
        this.zone = zone;
        this.nowMs = nowMs;
        this.midnight = new Timer(this::onMidnight);
        timers.schedule(midnight, nextMidnightMs(nowMs));
    }

    // ------------------------------------------------------------------ time

    /** The core's current time: the latest time a command or {@link #advanceTo} brought. */
    public long nowMs() {
        return nowMs;
    }

    /** The next timer deadline, or {@link TimerQueue#NO_DEADLINE}. */
    public long nextDeadlineMs() {
        return timers.nextDeadlineMs();
    }

    /** Moves time forward to {@code targetMs}, firing each due timer at its own deadline. */
    public void advanceTo(long targetMs) {
        while (timers.nextDeadlineMs() <= targetMs) {
            nowMs = Math.max(nowMs, timers.nextDeadlineMs());
            timers.poll(nowMs, Integer.MAX_VALUE);
            settle();
        }
        nowMs = Math.max(nowMs, targetMs);
    }

    // ------------------------------------------------------------------ config

    /**
     * Applies a config as a diff. New agents start logged out; removed agents leave once their
     * call and wrap-up are done; the state of kept agents is never touched. Removed queues send
     * their waiting callers to the queue's fallback target; bridged calls carry on.
     */
    public void configure(List<AgentSpec> agentSpecs, List<QueueSpec> queueSpecs, long atMs) {
        advanceTo(atMs);
        Set<String> keepAgents = new HashSet<>();
        for (AgentSpec spec : agentSpecs) {
            keepAgents.add(spec.id());
            Agent a = agents.get(spec.id());
            if (a == null) {
                agents.put(spec.id(), new Agent(spec, nextAgentSeq++, this::endWrapUp));
            } else {
                a.update(spec);
                if (a.retired()) {
                    a.retired(false);
                    refresh(a);
                }
            }
        }
        for (Agent a : List.copyOf(agents.values())) {
            if (!keepAgents.contains(a.id())) {
                retire(a);
            }
        }
        Set<String> keepQueues = new HashSet<>();
        for (QueueSpec spec : queueSpecs) {
            keepQueues.add(spec.id());
            Queue q = queues.get(spec.id());
            if (q == null) {
                q = new Queue(spec, RoutingStrategy.create(spec.strategy(), random));
                queues.put(spec.id(), q);
            }
            rebuild(q, spec);
        }
        for (Queue q : List.copyOf(queues.values())) {
            if (!keepQueues.contains(q.id())) {
                removeQueue(q);
            }
        }
        settle();
    }

    private void retire(Agent a) {
        a.retired(true);
        switch (a.state()) {
            case RINGING -> {
                withdrawRing(a);
                transition(a, AgentState.LOGGED_OUT, "removed");
            }
            case AVAILABLE, PAUSED -> transition(a, AgentState.LOGGED_OUT, "removed");
            case ON_CALL, WRAP_UP -> refresh(a);
            case LOGGED_OUT -> { }
        }
        // configure() rebuilds or removes every queue next; until then the agent just leaves them
        for (Member m : List.copyOf(a.memberships())) {
            m.queue().strategy().remove(m);
            m.queue().members().remove(m);
        }
        a.memberships().clear();
        if (a.state() == AgentState.LOGGED_OUT) {
            agents.remove(a.id());
        }
    }

    /** Re-creates a queue's members and index from {@code spec}; waiting callers stay in line. */
    private void rebuild(Queue q, QueueSpec spec) {
        for (Member m : q.members()) {
            q.strategy().remove(m);
            m.agent().memberships().remove(m);
        }
        q.members().clear();
        if (q.strategy().kind() != spec.strategy()) {
            q.strategy(RoutingStrategy.create(spec.strategy(), random));
        } else {
            q.strategy().clear();
        }
        q.spec(spec);
        q.resetStaffedCount();
        for (MemberSpec ms : spec.members()) {
            Agent a = agents.get(ms.agentId());
            if (a == null || a.retired()) {
                if (a == null) {
                    log.warn("queue {}: member {} is not a configured agent; ignored", q.id(), ms.agentId());
                }
                continue;
            }
            Member m = new Member(a, q, ms.priority(), q.members().size());
            q.members().add(m);
            a.memberships().add(m);
            if (a.indexed()) {
                q.strategy().add(m);
            }
            if (a.staffed()) {
                q.staffedDelta(1);
            }
        }
        markDirty(q);
        markEmptyCheck(q);
    }

    private void removeQueue(Queue q) {
        queues.remove(q.id());
        q.markRemoved();
        for (Member m : q.members()) {
            q.strategy().remove(m);
            m.agent().memberships().remove(m);
        }
        q.members().clear();
        q.strategy().clear();
        while (q.lineHead() != null) {
            Call c = q.lineHead();
            leave(c, CallOutcome.QUEUE_REMOVED, q.spec().whenMaxWait());
        }
    }

    // ------------------------------------------------------------------ agents

    public void login(String agentId, long atMs) {
        advanceTo(atMs);
        Agent a = requireAgent(agentId, "login");
        if (a == null) {
            return;
        }
        a.pendingLogout(false);
        if (a.state() == AgentState.LOGGED_OUT) {
            a.loggedInAt(nowMs);
            a.resetMissedRings();
            transition(a, AgentState.AVAILABLE, "login");
        }
        settle();
    }

    public void logout(String agentId, long atMs) {
        advanceTo(atMs);
        Agent a = requireAgent(agentId, "logout");
        if (a == null) {
            return;
        }
        switch (a.state()) {
            case LOGGED_OUT -> { }
            case AVAILABLE, PAUSED -> transition(a, AgentState.LOGGED_OUT, "logout");
            case RINGING -> {
                withdrawRing(a);
                transition(a, AgentState.LOGGED_OUT, "logout");
            }
            case ON_CALL -> a.pendingLogout(true);
            case WRAP_UP -> {
                timers.cancel(a.wrapUpTimer());
                transition(a, AgentState.LOGGED_OUT, "logout");
            }
        }
        settle();
    }

    /**
     * Pauses an agent with a reason. While ringing the ring is cancelled; on a call or in wrap-up
     * the pause waits for the call to be done. A logged-out agent is logged in paused.
     */
    public void pause(String agentId, String reason, long atMs) {
        advanceTo(atMs);
        Agent a = requireAgent(agentId, "pause");
        if (a == null) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "paused" : reason;
        switch (a.state()) {
            case LOGGED_OUT -> {
                a.loggedInAt(nowMs);
                transition(a, AgentState.PAUSED, why);
            }
            case AVAILABLE -> transition(a, AgentState.PAUSED, why);
            case PAUSED -> {
                if (!why.equals(a.pauseReason())) {
                    transition(a, AgentState.PAUSED, why);
                }
            }
            case RINGING -> {
                withdrawRing(a);
                transition(a, AgentState.PAUSED, why);
            }
            case ON_CALL, WRAP_UP -> a.pendingPause(why);
        }
        settle();
    }

    public void unpause(String agentId, long atMs) {
        advanceTo(atMs);
        Agent a = requireAgent(agentId, "unpause");
        if (a == null) {
            return;
        }
        a.pendingPause(null);
        if (a.state() == AgentState.PAUSED) {
            a.resetMissedRings();
            transition(a, AgentState.AVAILABLE, "unpause");
        }
        settle();
    }

    /** Whether the gateway can reach the agent (a registered contact or a forwarding device). */
    public void setReachable(String agentId, boolean reachable, long atMs) {
        advanceTo(atMs);
        Agent a = requireAgent(agentId, "reachability");
        if (a == null || a.reachable() == reachable) {
            return;
        }
        a.reachable(reachable);
        if (!reachable && a.state() == AgentState.RINGING) {
            withdrawRing(a);
        }
        refresh(a);
        settle();
    }

    private Agent requireAgent(String agentId, String what) {
        Agent a = agents.get(agentId);
        if (a == null) {
            log.warn("{}: unknown agent '{}' (known: {})", what, agentId, agents.keySet());
        }
        return a;
    }

    /** The only place an agent changes state; keeps indexes and staffed counts in step. */
    private void transition(Agent a, AgentState to, String reason) {
        AgentState from = a.state();
        if (!from.canGo(to)) {
            throw new IllegalStateException("agent " + a.id() + ": " + from + " -> " + to + " is not a legal transition");
        }
        a.state(to, reason);
        if (to == AgentState.LOGGED_OUT || to == AgentState.AVAILABLE || to == AgentState.PAUSED) {
            a.pendingLogout(false);
            a.pendingPause(null);
        }
        refresh(a);
        events.onEvent(new AcdEvent.AgentStateChanged(nowMs, a.id(), from, to, reason));
        if (a.retired() && to == AgentState.LOGGED_OUT) {
            agents.remove(a.id());
        }
    }

    /**
     * Brings the agent's place in its queues' indexes and staffed counts up to date. On the
     * routing path: indexed loops, so no iterator is allocated.
     */
    private void refresh(Agent a) {
        List<Member> memberships = a.memberships();
        boolean eligible = a.eligible();
        if (eligible != a.indexed()) {
            a.indexed(eligible);
            for (int i = 0; i < memberships.size(); i++) {
                Member m = memberships.get(i);
                if (eligible) {
                    m.queue().strategy().add(m);
                    markDirty(m.queue());
                } else {
                    m.queue().strategy().remove(m);
                }
            }
        }
        boolean staffing = a.staffing();
        if (staffing != a.staffed()) {
            a.staffed(staffing);
            for (int i = 0; i < memberships.size(); i++) {
                Member m = memberships.get(i);
                m.queue().staffedDelta(staffing ? 1 : -1);
                if (!staffing) {
                    markEmptyCheck(m.queue());
                }
            }
        }
    }

    private void markDirty(Queue q) {
        if (!q.dirty()) {
            q.dirty(true);
            dirty.add(q);
        }
    }

    private void markEmptyCheck(Queue q) {
        if (q.spec().whenNoAgents() == NoAgentsPolicy.FALLBACK && !q.emptyCheck()) {
            q.emptyCheck(true);
            emptyChecks.add(q);
        }
    }

    // ------------------------------------------------------------------ calls

    /**
     * A caller joins {@code queueId} with a caller priority (0 = normal, higher goes first). A full
     * queue, a queue with no staffed agent under the fallback policy, or an unknown queue send the
     * caller on at once through {@link CallControl#leaveQueue}.
     */
    public void enqueue(String callId, String queueId, int priority, long atMs) {
        advanceTo(atMs);
        if (calls.containsKey(callId)) {
            log.warn("call {} is already queued; second enqueue ignored", callId);
            return;
        }
        if (priority < 0) {
            throw new IllegalArgumentException("call " + callId + ": caller priority must be >= 0, was " + priority);
        }
        Queue q = queues.get(queueId);
        if (q == null) {
            log.warn("call {}: unknown queue '{}' (known: {})", callId, queueId, queues.keySet());
            control.leaveQueue(callId, Target.hangup(), CallOutcome.UNKNOWN_QUEUE);
            events.onEvent(new AcdEvent.CallEnded(nowMs, callId, queueId, null, CallOutcome.UNKNOWN_QUEUE, 0, 0));
            return;
        }
        QueueSpec spec = q.spec();
        CallOutcome refused = null;
        if (spec.maxLength() > 0 && q.lineSize() >= spec.maxLength()) {
            refused = CallOutcome.QUEUE_FULL;
        } else if (spec.whenNoAgents() == NoAgentsPolicy.FALLBACK && q.staffedCount() == 0) {
            refused = CallOutcome.NO_AGENTS;
        }
        if (refused != null) {
            control.leaveQueue(callId, spec.whenMaxWait(), refused);
            events.onEvent(new AcdEvent.CallEnded(nowMs, callId, queueId, null, refused, 0, 0));
            return;
        }
        Call call = new Call(callId, q, priority, nextCallSeq++, nowMs, this);
        calls.put(callId, call);
        q.joinLine(call);
        q.waiting().add(call);
        if (spec.maxWaitMs() > 0) {
            timers.schedule(call.maxWaitTimer(), nowMs + spec.maxWaitMs());
        }
        int position = priority == 0 ? q.lineSize() : q.positionOf(call);
        events.onEvent(new AcdEvent.CallQueued(nowMs, callId, queueId, priority, position));
        markDirty(q);
        settle();
    }

    /** An agent's leg answered. A late answer (ring already cancelled) is hung up again. */
    public void answered(String callId, String agentId, long atMs) {
        advanceTo(atMs);
        Call call = calls.get(callId);
        Agent a = agents.get(agentId);
        if (call == null || a == null || call.state() != CallState.RINGING_AGENT || !call.ringing().contains(a)) {
            log.debug("late or unknown answer: call {} agent {}", callId, agentId);
            control.cancelRing(callId, agentId, CancelReason.ANSWERED_ELSEWHERE);
            return;
        }
        timers.cancel(call.ringTimer());
        timers.cancel(call.maxWaitTimer());
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            Agent other = call.ringing().get(i);
            if (other != a) {
                stopRinging(call, other, CancelReason.ANSWERED_ELSEWHERE, null);
            }
        }
        call.ringing().clear();
        Queue q = call.queue();
        q.leaveLine(call);
        call.state(CallState.BRIDGED);
        call.answeredBy(a, nowMs);
        q.waits().answered(nowMs - call.enqueuedMs());
        a.answered();
        transition(a, AgentState.ON_CALL, callId);
        control.bridge(callId, agentId);
        events.onEvent(new AcdEvent.CallAnswered(nowMs, callId, q.id(), agentId, nowMs - call.enqueuedMs()));
        settle();
    }

    /** A ring ended without an answer before the core cancelled it (busy, declined, unreachable). */
    public void ringFailed(String callId, String agentId, RingEnd why, long atMs) {
        advanceTo(atMs);
        Call call = calls.get(callId);
        Agent a = agents.get(agentId);
        if (call == null || a == null || !call.ringing().contains(a)) {
            log.debug("ring end for a ring not in progress: call {} agent {}", callId, agentId);
            return;
        }
        stopRinging(call, a, null, why);
        if (call.ringing().isEmpty()) {
            backToWaiting(call);
        }
        settle();
    }

    /** The caller hung up, or either side of a bridged call did. Unknown calls are ignored. */
    public void hangup(String callId, long atMs) {
        advanceTo(atMs);
        Call call = calls.get(callId);
        if (call == null) {
            log.debug("hangup of a call not in the core: {}", callId);
            return;
        }
        switch (call.state()) {
            case WAITING, RINGING_AGENT -> {
                cancelAllRings(call, CancelReason.CALLER_GONE);
                end(call, CallOutcome.ABANDONED);
            }
            case BRIDGED -> {
                Agent a = call.agent();
                a.callEndedAt(nowMs);
                a.call(null);
                end(call, CallOutcome.COMPLETED);
                startWrapUp(a, call.queue().spec().wrapUpMs());
            }
            case ENDED -> { }
        }
        settle();
    }

    /** The agent stops being rung for reasons not its own; the caller waits again if nobody else rings. */
    private void withdrawRing(Agent a) {
        Call call = a.call();
        stopRinging(call, a, CancelReason.AGENT_UNAVAILABLE, null);
        if (call.ringing().isEmpty()) {
            backToWaiting(call);
        }
    }

    @Override
    public void ringTimeout(Call call) {
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            stopRinging(call, call.ringing().get(i), CancelReason.TIMEOUT, RingEnd.TIMEOUT);
        }
        backToWaiting(call);
    }

    @Override
    public void maxWait(Call call) {
        leave(call, CallOutcome.TIMED_OUT, call.queue().spec().whenMaxWait());
    }

    private void leave(Call call, CallOutcome outcome, Target target) {
        cancelAllRings(call, CancelReason.LEFT_QUEUE);
        control.leaveQueue(call.id(), target, outcome);
        end(call, outcome);
    }

    private void cancelAllRings(Call call, CancelReason reason) {
        for (int i = call.ringing().size() - 1; i >= 0; i--) {
            stopRinging(call, call.ringing().get(i), reason, null);
        }
    }

    /**
     * Ends one agent's ring. {@code cancel} non-null tells the gateway to stop it; {@code noAnswer}
     * non-null counts it against the agent (auto-pause), null when the agent is not to blame.
     */
    private void stopRinging(Call call, Agent a, CancelReason cancel, RingEnd noAnswer) {
        call.ringing().remove(a);
        a.call(null);
        if (cancel != null) {
            control.cancelRing(call.id(), a.id(), cancel);
        }
        if (noAnswer != null) {
            events.onEvent(new AcdEvent.RingNoAnswer(nowMs, call.id(), call.queue().id(), a.id(), noAnswer));
            int limit = call.queue().spec().autoPauseAfter();
            if (limit > 0 && a.missedRing() >= limit) {
                a.resetMissedRings();
                transition(a, AgentState.PAUSED, NO_ANSWER);
                return;
            }
        }
        if (a.state() == AgentState.RINGING) {
            transition(a, AgentState.AVAILABLE, cancel == null && noAnswer == null ? "ring ended" : ringEndReason(cancel, noAnswer));
        }
    }

    private static String ringEndReason(CancelReason cancel, RingEnd noAnswer) {
        if (noAnswer != null) {
            return noAnswer == RingEnd.TIMEOUT ? "ring timeout" : noAnswer == RingEnd.REJECTED ? "rejected" : "ring failed";
        }
        return switch (cancel) {
            case TIMEOUT -> "ring timeout";
            case ANSWERED_ELSEWHERE -> "answered elsewhere";
            case CALLER_GONE -> "caller hung up";
            case LEFT_QUEUE -> "caller left queue";
            case AGENT_UNAVAILABLE -> "agent unavailable";
        };
    }

    private void backToWaiting(Call call) {
        if (call.state() != CallState.RINGING_AGENT) {
            return;
        }
        timers.cancel(call.ringTimer());
        call.state(CallState.WAITING);
        call.queue().waiting().add(call);
        markDirty(call.queue());
    }

    private void end(Call call, CallOutcome outcome) {
        timers.cancel(call.ringTimer());
        timers.cancel(call.maxWaitTimer());
        Queue q = call.queue();
        if (call.state() == CallState.WAITING) {
            q.waiting().remove(call);
        }
        if (call.state() != CallState.BRIDGED) {
            q.leaveLine(call);
        }
        boolean completed = outcome == CallOutcome.COMPLETED;
        long waitEnd = completed ? call.answeredMs() : nowMs;
        call.state(CallState.ENDED);
        calls.remove(call.id());
        events.onEvent(new AcdEvent.CallEnded(nowMs, call.id(), q.id(),
                call.agent() == null ? null : call.agent().id(), outcome,
                waitEnd - call.enqueuedMs(), completed ? nowMs - call.answeredMs() : 0));
    }

    private void startWrapUp(Agent a, long wrapUpMs) {
        if (a.pendingLogout() || a.retired()) {
            transition(a, AgentState.LOGGED_OUT, a.retired() ? "removed" : "logout");
        } else if (wrapUpMs > 0) {
            transition(a, AgentState.WRAP_UP, "call ended");
            timers.schedule(a.wrapUpTimer(), nowMs + wrapUpMs);
        } else {
            afterCall(a);
        }
    }

    private void endWrapUp(Agent a) {
        if (a.state() == AgentState.WRAP_UP) {
            afterCall(a);
        }
    }

    private void afterCall(Agent a) {
        String pause = a.pendingPause();
        if (a.pendingLogout() || a.retired()) {
            transition(a, AgentState.LOGGED_OUT, a.retired() ? "removed" : "logout");
        } else if (pause != null) {
            transition(a, AgentState.PAUSED, pause);
        } else {
            transition(a, AgentState.AVAILABLE, "ready");
        }
    }

    // ------------------------------------------------------------------ routing

    /**
     * Routes until no touched queue has both a waiting caller and an available member. Each
     * round serves the best waiting caller (priority, then arrival) among the touched queues,
     * so an agent freed in several queues takes the caller who waited longest.
     */
    private void settle() {
        if (settling) {
            return;
        }
        settling = true;
        try {
            while (true) {
                runEmptyChecks();
                Call best = null;
                for (int i = dirty.size() - 1; i >= 0; i--) {
                    Queue q = dirty.get(i);
                    Call head = q.waiting().peek();
                    if (head == null || q.strategy().availableCount() == 0 || q.removed()) {
                        q.dirty(false);
                        dirty.set(i, dirty.get(dirty.size() - 1));
                        dirty.remove(dirty.size() - 1);
                        continue;
                    }
                    if (best == null || Call.lineOrder(head, best) < 0) {
                        best = head;
                    }
                }
                if (best == null) {
                    return;
                }
                offer(best);
            }
        } finally {
            settling = false;
        }
    }

    /** Rings the member(s) the strategy picks; the queue has at least one available member. */
    private void offer(Call call) {
        Queue q = call.queue();
        RoutingStrategy s = q.strategy();
        if (s.kind() == StrategyKind.RING_ALL) {
            collectUntried(call, s);
            if (ringAllBatch.isEmpty()) {
                call.forgetTried();
                collectUntried(call, s);
            }
            call.reserveRings(ringAllBatch.size());
            long timeout = 0;
            for (int i = 0; i < ringAllBatch.size(); i++) {
                timeout = Math.max(timeout, ringTimeoutFor(ringAllBatch.get(i)));
            }
            for (int i = 0; i < ringAllBatch.size(); i++) {
                ring(call, ringAllBatch.get(i), timeout);
            }
            ringAllBatch.clear();
            return;
        }
        Member m = s.pick(call);
        if (m == null) {
            call.forgetTried();
            m = s.pick(call);
        }
        ring(call, m, ringTimeoutFor(m));
    }

    private void collectUntried(Call call, RoutingStrategy s) {
        for (int i = 0, n = s.availableCount(); i < n; i++) {
            Member m = s.availableAt(i);
            if (!call.hasTried(m.agent())) {
                ringAllBatch.add(m);
            }
        }
    }

    /** Agents forwarded on no answer get a second ring timeout for their personal device. */
    private static long ringTimeoutFor(Member m) {
        long t = m.queue().spec().ringTimeoutMs();
        return m.agent().forwardOnNoAnswer() ? 2 * t : t;
    }

    private void ring(Call call, Member m, long timeoutMs) {
        Agent a = m.agent();
        Queue q = call.queue();
        if (call.state() == CallState.WAITING) {
            q.waiting().remove(call);
            call.state(CallState.RINGING_AGENT);
            timers.schedule(call.ringTimer(), nowMs + timeoutMs);
        }
        call.ringing().add(a);
        call.markTried(a);
        a.call(call);
        transition(a, AgentState.RINGING, call.id());
        q.strategy().rung(m);
        control.ringAgent(call.id(), a.id(), q.spec().ringTimeoutMs());
        events.onEvent(new AcdEvent.AgentRinging(nowMs, call.id(), q.id(), a.id()));
    }

    /** Fallback-policy queues whose last staffed agent left send their callers on. */
    private void runEmptyChecks() {
        while (!emptyChecks.isEmpty()) {
            Queue q = emptyChecks.remove(emptyChecks.size() - 1);
            q.emptyCheck(false);
            if (q.removed() || q.spec().whenNoAgents() != NoAgentsPolicy.FALLBACK || q.staffedCount() > 0) {
                continue;
            }
            while (q.lineHead() != null) {
                leave(q.lineHead(), CallOutcome.NO_AGENTS, q.spec().whenMaxWait());
            }
        }
    }

    private void onMidnight(long atMs) {
        for (Agent a : agents.values()) {
            a.resetDailyCount();
        }
        for (Queue q : queues.values()) {
            if (q.strategy().kind() == StrategyKind.FEWEST_CALLS) {
                q.strategy().clear();
                for (Member m : q.members()) {
                    if (m.agent().indexed()) {
                        q.strategy().add(m);
                    }
                }
            }
        }
        timers.schedule(midnight, nextMidnightMs(atMs));
    }

    private long nextMidnightMs(long atMs) {
        LocalDate today = Instant.ofEpochMilli(atMs).atZone(zone).toLocalDate();
        return today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    // ------------------------------------------------------------------ queries

    public Optional<AgentView> agent(String id) {
        Agent a = agents.get(id);
        if (a == null) {
            return Optional.empty();
        }
        List<String> qs = new ArrayList<>();
        for (Member m : a.memberships()) {
            qs.add(m.queue().id());
        }
        return Optional.of(new AgentView(a.id(), a.name(), a.state(), a.pauseReason(), a.reachable(),
                a.call() == null ? null : a.call().id(), a.answeredToday(), qs));
    }

    public List<AgentView> agents() {
        List<AgentView> out = new ArrayList<>();
        for (String id : agents.keySet()) {
            agent(id).ifPresent(out::add);
        }
        return out;
    }

    public Optional<QueueView> queue(String id) {
        Queue q = queues.get(id);
        if (q == null) {
            return Optional.empty();
        }
        int ringing = 0;
        long longest = 0;
        for (Call c = q.lineHead(); c != null; c = c.nextInLine()) {
            if (c.state() == CallState.RINGING_AGENT) {
                ringing++;
            }
            longest = Math.max(longest, nowMs - c.enqueuedMs());
        }
        return Optional.of(new QueueView(q.id(), q.spec().department(), q.strategy().kind(),
                q.lineSize() - ringing, ringing, q.strategy().availableCount(), q.staffedCount(),
                q.members().size(), longest));
    }

    public List<QueueView> queues() {
        List<QueueView> out = new ArrayList<>();
        for (String id : queues.keySet()) {
            queue(id).ifPresent(out::add);
        }
        return out;
    }

    public Optional<CallView> call(String callId) {
        Call c = calls.get(callId);
        if (c == null) {
            return Optional.empty();
        }
        boolean inLine = c.state() != CallState.BRIDGED;
        long waitEnd = inLine ? nowMs : c.answeredMs();
        return Optional.of(new CallView(c.id(), c.queue().id(), c.state(),
                inLine ? c.queue().positionOf(c) : 0,
                c.agent() != null ? c.agent().id() : c.ringing().isEmpty() ? null : c.ringing().get(0).id(),
                waitEnd - c.enqueuedMs()));
    }

    /** The caller's place in line and expected remaining wait; {@link QueuePlace#NOT_QUEUED} when not in line. */
    public QueuePlace place(String callId) {
        Call c = calls.get(callId);
        if (c == null || c.state() == CallState.BRIDGED) {
            return QueuePlace.NOT_QUEUED;
        }
        Queue q = c.queue();
        return new QueuePlace(q.positionOf(c), q.waits().remainingMs(nowMs - c.enqueuedMs()));
    }

    /** Calls the core holds (waiting, ringing or bridged). */
    public int callCount() {
        return calls.size();
    }
}
