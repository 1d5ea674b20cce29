package gateway.media;

import gateway.rtp.RtpConfig;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import ivr.time.Cancellable;
import ivr.time.Scheduler;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The IVR's clock and timers on a call's Netty event loop: sessions' timeouts run on the same
 * thread as the call's SIP events, RTP and playout, so they never race with them.
 */
public final class LoopScheduler implements Scheduler {
    private final EventLoop loop;
    private final LongSupplier clockMs;

    /** @param clockMs monotonic milliseconds, the clock {@link LoopPlayouts} ticks with */
    public LoopScheduler(EventLoop loop, LongSupplier clockMs) {
        this.loop = loop;
        this.clockMs = clockMs;
    }

    /** On the RTP legs' monotonic clock, {@link RtpConfig#MONOTONIC_MS}. */
    public LoopScheduler(EventLoop loop) {
        this(loop, RtpConfig.MONOTONIC_MS);
    }

    @Override
    public long nowMs() {
        return clockMs.getAsLong();
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> f = loop.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
