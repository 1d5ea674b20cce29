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
    private final LongSupplier nanoClock;
    private final long timeoutNanos;
    private final long intervalNanos;
    private final Set<RtpLeg> watched = new LinkedHashSet<>();
    private ScheduledFuture<?> task;

    InactivitySweep(EventLoop loop, RtpConfig config, LongSupplier nanoClock) {
        this.loop = loop;
        this.nanoClock = nanoClock;
        this.timeoutNanos = config.inactivityTimeout().toNanos();
        this.intervalNanos = config.sweepInterval().toNanos();
    }

    void watch(RtpLeg leg) {
        leg.resetIdle(nanoClock.getAsLong());
        watched.add(leg);
        if (task == null) {
            task = loop.scheduleAtFixedRate(this, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
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
        long now = nanoClock.getAsLong();
        List<RtpLeg> dead = null;
        for (RtpLeg leg : watched) {
            if (leg.idleFor(now) >= timeoutNanos) {
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
