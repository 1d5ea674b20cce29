package gateway.media;

import gateway.rtp.RtpConfig;
import gateway.rtp.RtpLeg;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import ivr.audio.Codec;
import ivr.play.Playout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One {@link Playout} per call event loop, ticked every 20 ms by that loop: every prompt, tone
 * and hold music on the loop is paced by that single tick, never by a timer per call.
 */
public final class LoopPlayouts implements AutoCloseable {
    private static final long TICK_MS = Codec.FRAME_MS;

    private final Map<EventLoop, Playout> playouts = new ConcurrentHashMap<>();
    private final Map<EventLoop, ScheduledFuture<?>> ticks = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;

    /** @param clockMs the tick clock, monotonic milliseconds (the RTP legs' clock) */
    public LoopPlayouts(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    public LoopPlayouts() {
        this(RtpConfig.MONOTONIC_MS);
    }

    /** The playout of {@code loop}, started on first use. */
    public Playout of(EventLoop loop) {
        return playouts.computeIfAbsent(loop, l -> {
            Playout p = new Playout();
            ticks.put(l, l.scheduleAtFixedRate(() -> p.tick(clockMs.getAsLong()), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS));
            return p;
        });
    }

    /** A playout channel sending into {@code leg} in the leg's negotiated codec. Call on the leg's loop. */
    public Playout.Channel channel(RtpLeg leg) {
        Codec codec = leg.media().codec();
        int pt = codec.payloadType();
        return of(leg.loop()).open(codec, (payload, offset, length, advance, marker) ->
                leg.send(pt, payload, offset, length, advance));
    }

    /** The playout's tick clock, monotonic milliseconds. */
    public LongSupplier clockMs() {
        return clockMs;
    }

    @Override
    public void close() {
        ticks.values().forEach(f -> f.cancel(false));
        ticks.clear();
        playouts.clear();
    }
}
