package gateway.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.util.concurrent.TimeUnit;

/**
 * The IVR's clock and timers on a call's Netty event loop: sessions' timeouts run on the same
 * thread as the call's SIP events, RTP and playout, so they never race with them.
 */
public final class LoopScheduler implements Scheduler {
    private final EventLoop loop;

    public LoopScheduler(EventLoop loop) {
        this.loop = loop;
    }

    /** Monotonic milliseconds, the same clock {@link LoopPlayouts} ticks with. */
    @Override
    public long nowMs() {
        return LoopPlayouts.nowMs();
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> f = loop.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
