package acd.agent;

import acd.call.Call;
import acd.queue.Member;
import acd.time.Timer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An agent as the routing core sees it: an operator-set {@link AgentStatus}, a call-driven
 * {@link AgentState} and reachability as an input. Owned by the core's loop thread; status and
 * state change only through the engine's agent lifecycle, which keeps the routing indexes in step.
 */
public final class Agent {
    public static final long NEVER = Long.MIN_VALUE;

    private final String id;
    private final int seq;
    private String name;
    private boolean forwardOnNoAnswer;

    /** Until the config applies it: a configured agent is logged in from the start (see the engine). */
    private long statusSinceMs;
    private long stateSinceMs;
    private AgentStatus status = AgentStatus.LOGGED_OUT;
    private String pauseReason;
    private AgentState state = AgentState.IDLE;
    private boolean reachable;
    /** Cached: logged in and reachable; {@link #presentSinceMs} is when that last became true. */
    private boolean present;
    private long presentSinceMs;
    private long lastCallEndMs = NEVER;
    private int answeredToday;
    private int consecutiveNoAnswer;
    private Call call;
    /** Calls the agent made themselves (dialling in, a feature code), by Call-ID: busy while any lasts. */
    private final Set<String> ownCalls = new HashSet<>(2);
    /** Cached {@code !ownCalls.isEmpty()}: {@link #offerable} is on the routing path, the set two loads away. */
    private boolean onOwnCall;
    private boolean retired;
    /** Cached: sits in its queues' available indexes. */
    private boolean indexed;
    /** Cached: counts towards its queues' staffed totals. */
    private boolean staffed;

    private final List<Member> memberships = new ArrayList<>(2);
    private final Timer wrapUpTimer;

    public Agent(AgentSpec spec, int seq, java.util.function.Consumer<Agent> onWrapUpEnd) {
        this.id = spec.id();
        this.seq = seq;
        this.wrapUpTimer = new Timer(now -> onWrapUpEnd.accept(this));
        update(spec);
    }

    public void update(AgentSpec spec) {
        this.name = spec.name();
        this.forwardOnNoAnswer = spec.forwardOnNoAnswer();
    }

    public String id() {
        return id;
    }

    /** Stable small number, the last tie-break of every ordering, so routing is deterministic. */
    public int seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public boolean forwardOnNoAnswer() {
        return forwardOnNoAnswer;
    }

    public AgentStatus status() {
        return status;
    }

    /** Sets the status at {@code nowMs}; {@code reason} is kept as the pause reason while PAUSED. */
    public void status(AgentStatus next, String reason, long nowMs) {
        this.status = next;
        this.pauseReason = next == AgentStatus.PAUSED ? reason : null;
        this.statusSinceMs = nowMs;
    }

    /** When the status or the state last changed (the core's time), for the admin API. */
    public long statusSinceMs() {
        return statusSinceMs;
    }

    public long stateSinceMs() {
        return stateSinceMs;
    }

    /** The reason given for the pause; null unless PAUSED. */
    public String pauseReason() {
        return pauseReason;
    }

    public AgentState state() {
        return state;
    }

    /** Sets the state at {@code nowMs}; an illegal transition (see {@link AgentState}) throws. */
    public void state(AgentState next, long nowMs) {
        if (!state.canGo(next)) {
            throw new IllegalStateException("agent " + id + ": " + state + " -> " + next + " is not a legal transition");
        }
        this.state = next;
        this.stateSinceMs = nowMs;
    }

    public boolean reachable() {
        return reachable;
    }

    public void reachable(boolean value) {
        this.reachable = value;
    }

    /**
     * When the agent went idle: the end of the last call or, if it never had one, when it last
     * became logged in and reachable.
     */
    public long idleSinceMs() {
        return lastCallEndMs != NEVER ? lastCallEndMs : presentSinceMs;
    }

    /** Logged in (available or paused) and reachable. */
    public boolean present() {
        return status.isLoggedIn() && reachable;
    }

    /**
     * Brings the cached presence up to date, starting the idle time when the agent has just
     * become present. Called before the agent joins any index, so its idle key stays fixed there.
     */
    public void updatePresence(long nowMs) {
        boolean now = present();
        if (now && !present) {
            presentSinceMs = nowMs;
        }
        present = now;
    }

    public void callEndedAt(long nowMs) {
        this.lastCallEndMs = nowMs;
    }

    public int answeredToday() {
        return answeredToday;
    }

    public void answered() {
        answeredToday++;
        consecutiveNoAnswer = 0;
    }

    /** Calls answered earlier today that this count has not seen (a restart reads them from the records). */
    public void addAnsweredToday(int calls) {
        answeredToday += calls;
    }

    public void resetDailyCount() {
        answeredToday = 0;
    }

    /** Counts one more unanswered ring; returns the count so far. */
    public int missedRing() {
        return ++consecutiveNoAnswer;
    }

    public void resetMissedRings() {
        consecutiveNoAnswer = 0;
    }

    public Call call() {
        return call;
    }

    public void call(Call c) {
        this.call = c;
    }

    /** A call of the agent's own is in progress: not offered a queue call until it ends. */
    public boolean onOwnCall() {
        return onOwnCall;
    }

    /** Adds or removes one of the agent's own calls; returns whether that changed {@link #onOwnCall()}. */
    public boolean ownCall(String callId, boolean inProgress) {
        boolean before = onOwnCall();
        if (inProgress) {
            ownCalls.add(callId);
        } else {
            ownCalls.remove(callId);
        }
        onOwnCall = !ownCalls.isEmpty();
        return before != onOwnCall;
    }

    /** Removed from the config but still on a call: leaves when the call and wrap-up are done. */
    public boolean retired() {
        return retired;
    }

    public void retired(boolean value) {
        this.retired = value;
    }

    /** May be offered a call: status AVAILABLE, state IDLE, reachable, on no call of their own, still configured. */
    public boolean offerable() {
        return status == AgentStatus.AVAILABLE && state == AgentState.IDLE && reachable && !onOwnCall && !retired;
    }

    /** Counts as staffing its queues (the no-agents policy): status AVAILABLE, reachable, configured. */
    public boolean staffing() {
        return status == AgentStatus.AVAILABLE && reachable && !retired;
    }

    public boolean indexed() {
        return indexed;
    }

    public void indexed(boolean value) {
        this.indexed = value;
    }

    public boolean staffed() {
        return staffed;
    }

    public void staffed(boolean value) {
        this.staffed = value;
    }

    public List<Member> memberships() {
        return memberships;
    }

    public Timer wrapUpTimer() {
        return wrapUpTimer;
    }

    @Override
    public String toString() {
        return id + "(" + status + "/" + state + (reachable ? "" : ", unreachable")
                + (onOwnCall() ? ", own call" : "") + ")";
    }
}
