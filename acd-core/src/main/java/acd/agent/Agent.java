package acd.agent;

import acd.call.Call;
import acd.queue.Member;
import acd.time.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent as the routing core sees it. Owned by the core's loop thread; state changes go
 * through the engine's one transition method, which keeps the routing indexes in step.
 */
public final class Agent {
    public static final long NEVER = Long.MIN_VALUE;

    private final String id;
    private final int seq;
    private String name;
    private boolean forwardOnNoAnswer;

    private AgentState state = AgentState.LOGGED_OUT;
    private String pauseReason;
    private boolean reachable;
    private long loginMs;
    private long lastCallEndMs = NEVER;
    private int answeredToday;
    private int consecutiveNoAnswer;
    private Call call;
    private String pendingPause;
    private boolean pendingLogout;
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

    public AgentState state() {
        return state;
    }

    public void state(AgentState next, String reason) {
        this.state = next;
        this.pauseReason = next == AgentState.PAUSED ? reason : null;
    }

    public String pauseReason() {
        return pauseReason;
    }

    public boolean reachable() {
        return reachable;
    }

    public void reachable(boolean value) {
        this.reachable = value;
    }

    /** When the agent went idle: the end of the last call, or login if it never had one. */
    public long idleSinceMs() {
        return lastCallEndMs != NEVER ? lastCallEndMs : loginMs;
    }

    public void loggedInAt(long nowMs) {
        this.loginMs = nowMs;
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

    public String pendingPause() {
        return pendingPause;
    }

    public void pendingPause(String reason) {
        this.pendingPause = reason;
    }

    public boolean pendingLogout() {
        return pendingLogout;
    }

    public void pendingLogout(boolean value) {
        this.pendingLogout = value;
    }

    /** Removed from the config but still on a call: leaves when the call and wrap-up are done. */
    public boolean retired() {
        return retired;
    }

    public void retired(boolean value) {
        this.retired = value;
    }

    /** May be offered a call: available, reachable and still configured. */
    public boolean eligible() {
        return state == AgentState.AVAILABLE && reachable && !retired;
    }

    /** Counts as staffing its queues: logged in, reachable, not paused. */
    public boolean staffing() {
        return state.isLoggedIn() && state != AgentState.PAUSED && reachable && !retired;
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
        return id + "(" + state + ")";
    }
}
