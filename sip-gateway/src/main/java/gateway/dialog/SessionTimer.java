package gateway.dialog;

import ivr.time.Cancellable;
import ivr.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dialog's session timer (RFC 4028): when we are the refresher a refresh is due at half the
 * interval; either way, with no successful refresh by the interval less min(32 s, a third of it)
 * the session is over. Every successful refresh, whoever sent it, starts the count again. Timers
 * run on the call's loop through its {@link Scheduler}: no thread or timer object per call.
 */
public final class SessionTimer {
    private static final Logger log = LoggerFactory.getLogger(SessionTimer.class);
    private static final long MAX_MARGIN_MS = 32_000;

    public enum State {
        /** No session timer: none agreed yet, or the last 2xx had no Session-Expires. */
        OFF,
        /** We send the refreshes. */
        WE_REFRESH,
        /** The peer sends them; we only watch. */
        PEER_REFRESHES,
        /** Expired or stopped: nothing runs any more. */
        OVER
    }

    /** What the timer asks of its dialog; called on the call's loop. */
    public interface Upkeep {
        /** Send a session refresh now. */
        void refresh();

        /** No refresh came in time: end the call. */
        void expired(String why);
    }

    private final Scheduler scheduler;
    private final Upkeep upkeep;
    private final String name;
    private State state = State.OFF;
    private int seconds;
    private Cancellable refresh = Cancellable.NONE;
    private Cancellable expiry = Cancellable.NONE;
    private long expiresAtMs;

    /** @param name the dialog, for the log */
    public SessionTimer(Scheduler scheduler, Upkeep upkeep, String name) {
        this.scheduler = scheduler;
        this.upkeep = upkeep;
        this.name = name;
    }

    public State state() {
        return state;
    }

    /** The interval agreed last, in seconds (0 when none). */
    public int seconds() {
        return seconds;
    }

    /** A refresh succeeded (or the dialog began) with {@code grant}; null: the session has no timer from now on. */
    public void refreshed(SessionTimerRules.Grant grant) {
        if (state == State.OVER) {
            return;
        }
        cancel();
        if (grant == null) {
            state(State.OFF, "no Session-Expires");
            return;
        }
        seconds = grant.seconds();
        long intervalMs = seconds * 1000L;
        if (grant.weRefresh()) {
            refresh = scheduler.schedule(intervalMs / 2, upkeep::refresh);
        }
        long expiryMs = intervalMs - Math.min(MAX_MARGIN_MS, intervalMs / 3);
        expiresAtMs = scheduler.nowMs() + expiryMs;
        expiry = scheduler.schedule(expiryMs, this::expire);
        state(grant.weRefresh() ? State.WE_REFRESH : State.PEER_REFRESHES, seconds + " s");
    }

    private void expire() {
        if (state == State.WE_REFRESH || state == State.PEER_REFRESHES) {
            String why = state == State.WE_REFRESH ? "our session refresh did not succeed" : "the peer did not refresh the session";
            state(State.OVER, "expired");
            upkeep.expired(why + " within the " + seconds + " s session interval");
        }
    }

    /**
     * Our refresh was refused with a status that leaves the session up (491, 500...): try again
     * halfway to the expiry, so a passing glare or overload does not end the call.
     */
    public void refreshFailed() {
        if (state == State.WE_REFRESH) {
            refresh.cancel();
            refresh = scheduler.schedule((expiresAtMs - scheduler.nowMs()) / 2, upkeep::refresh);
        }
    }

    /** The dialog is over: nothing fires any more. */
    public void stop() {
        cancel();
        state = State.OVER;
    }

    private void cancel() {
        refresh.cancel();
        expiry.cancel();
        refresh = Cancellable.NONE;
        expiry = Cancellable.NONE;
    }

    private void state(State next, String reason) {
        if (next != state) {
            log.debug("{}: session timer {} -> {} ({})", name, state, next, reason);
        }
        state = next;
    }
}
