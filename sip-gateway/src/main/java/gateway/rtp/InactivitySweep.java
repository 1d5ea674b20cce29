package gateway.rtp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Finds dead bridged legs on one event loop. The packet path only sets a flag on its leg; this
 * sweep runs a few times per timeout while any leg is watched, and reports a leg whose flag
 * stayed down for the whole timeout. Used on its loop only.
 */
final class InactivitySweep implements Runnable {
    private final EventLoop loop;
    private final LongSupplier clockMs;
    private final long timeoutMs;
    private final long intervalMs;
    private final Set<RtpLeg> watched = new LinkedHashSet<>();
    private ScheduledFuture<?> task;

    InactivitySweep(EventLoop loop, RtpConfig config) {
        this.loop = loop;
        this.clockMs = config.clockMs();
        this.timeoutMs = config.inactivityTimeout().toMillis();
        this.intervalMs = config.sweepInterval().toMillis();
    }

    void watch(RtpLeg leg) {
        if (timeoutMs == 0) {
            return; // rtp.timeout 0s: silence never ends a call
        }
        leg.resetIdle(clockMs.getAsLong());
        watched.add(leg);
        if (task == null) {
            task = loop.scheduleAtFixedRate(this, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    void unwatch(RtpLeg leg) {
        if (watched.remove(leg) && watched.isEmpty()) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public void run() {
        long now = clockMs.getAsLong();
        List<RtpLeg> dead = null;
        for (RtpLeg leg : watched) {
            if (leg.idleFor(now) >= timeoutMs) {
                if (dead == null) {
                    dead = new ArrayList<>();
                }
                dead.add(leg);
            }
        }
        if (dead != null) {
            // reported outside the iteration: the callback may well unbridge or close legs
            for (RtpLeg leg : dead) {
                unwatch(leg);
                leg.reportInactive();
            }
        }
    }
}
