package gateway.rtp;

import gateway.net.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens RTP legs on the calls' event loops, and bridges them. One per server; thread-safe.
 * Bridging, like everything else on a leg, happens on the loop that owns both legs' call.
 */
public final class RtpEngine {
    private static final Logger log = LoggerFactory.getLogger(RtpEngine.class);
    /** Between two log lines about ports other processes hold: one per hold, not one per call. */
    private static final long LOG_EVERY_NANOS = PortAllocator.HOLD.toNanos();
    private static final ChannelHandler RTCP_DISCARD = new RtcpDiscard();

    private final Transport transport;
    private final RtpConfig config;
    private final PortAllocator ports;
    private final Map<EventLoop, InactivitySweep> sweeps = new ConcurrentHashMap<>();
    private final AtomicLong lastTakenLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong lastExhaustedLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private final LongAdder sentTotal = new LongAdder();
    private final LongAdder droppedTotal = new LongAdder();

    public RtpEngine(Transport transport, RtpConfig config) {
        this.transport = transport;
        this.config = config;
        this.ports = new PortAllocator(config.ports());
    }

    /**
     * Binds a new leg's RTP and RTCP sockets on {@code loop} (the call's). The future fails with
     * {@link PortsExhaustedException} when the range is used up, or an IOException when no pair
     * could be bound. Called on {@code loop}, it completes before the channel's first read.
     */
    public Future<RtpLeg> open(EventLoop loop, RtpLegListener listener) {
        Promise<RtpLeg> promise = loop.newPromise();
        if (loop.inEventLoop()) {
            bind(loop, listener, promise, 1);
        } else {
            loop.execute(() -> bind(loop, listener, promise, 1));
        }
        return promise;
    }

    /**
     * Relays {@code a} and {@code b} to each other from now on, ending any bridge either was in.
     * Each side keeps seeing one stream from us: same SSRC, continuing sequence and timestamps.
     */
    public void bridge(RtpLeg a, RtpLeg b) {
        if (a == b || a.loop() != b.loop()) {
            throw new IllegalArgumentException("bridged legs must be two legs on one event loop: " + a + ", " + b);
        }
        a.checkLoop();
        if (a.state() != RtpLeg.State.OPEN || b.state() != RtpLeg.State.OPEN) {
            throw new IllegalStateException("cannot bridge a closed leg: " + a + ", " + b);
        }
        unbridge(a);
        unbridge(b);
        a.link(b);
        b.link(a);
    }

    /** Stops relaying between {@code leg} and its partner, if it has one. */
    public void unbridge(RtpLeg leg) {
        leg.checkLoop();
        RtpLeg partner = leg.partner();
        if (partner != null) {
            partner.unlink();
            leg.unlink();
        }
    }

    /** A closed leg's totals join the engine's: counted once, when the leg closes. */
    void account(long packetsSent, long packetsDropped) {
        sentTotal.add(packetsSent);
        droppedTotal.add(packetsDropped);
    }

    /** RTP packets sent by legs closed so far (relayed and played), for metrics. */
    public long packetsSentTotal() {
        return sentTotal.sum();
    }

    /** RTP packets legs closed so far could not deliver or would not take, for metrics. */
    public long packetsDroppedTotal() {
        return droppedTotal.sum();
    }

    public PortAllocator ports() {
        return ports;
    }

    /** The settings every leg of this engine reads, its clock among them. */
    RtpConfig config() {
        return config;
    }

    private void bind(EventLoop loop, RtpLegListener listener, Promise<RtpLeg> promise, int attempt) {
        int port;
        try {
            port = ports.allocate();
        } catch (PortsExhaustedException e) {
            if (due(lastExhaustedLog)) {
                log.warn("{}", e.getMessage());
            }
            promise.setFailure(e);
            return;
        }
        InactivitySweep sweep = sweeps.computeIfAbsent(loop, l -> new InactivitySweep(l, config));
        RtpLeg leg = new RtpLeg(this, loop, port, listener, sweep);
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(transport.datagramChannel());
        ChannelFuture rtp = bootstrap.clone().handler(leg.receiver()).bind(config.bindAddress(), port);
        rtp.addListener(f -> {
            if (!f.isSuccess()) {
                retry(rtp.channel(), port, f.cause(), loop, listener, promise, attempt);
                return;
            }
            ChannelFuture rtcp = bootstrap.clone().handler(RTCP_DISCARD).bind(config.bindAddress(), port + 1);
            rtcp.addListener(g -> {
                if (!g.isSuccess()) {
                    leg.abandon();
                    rtp.channel().close().addListener(
                            x -> retry(rtcp.channel(), port, g.cause(), loop, listener, promise, attempt));
                    return;
                }
                leg.attach(rtp.channel(), rtcp.channel());
                if (!promise.trySuccess(leg)) {
                    leg.close();
                }
            });
        });
    }

    /**
     * The pair is set aside, not released, so that the next try (and the next calls) move on. A
     * bind is a couple of system calls and each try is a task of its own on the loop, so even a
     * whole range held elsewhere is gone through without holding up the loop's other calls;
     * every pair is tried once at most, then the allocator says the range is exhausted.
     */
    private void retry(Channel failed, int port, Throwable cause, EventLoop loop, RtpLegListener listener,
                       Promise<RtpLeg> promise, int attempt) {
        failed.close().addListener(f -> {
            int held = ports.takenElsewhere(port);
            if (due(lastTakenLog)) {
                log.info("RTP port pair {}/{} of {} is taken by another process ({}): skipped for {} s; {} pairs"
                        + " skipped so far", port, port + 1, ports.range(), cause.getMessage(),
                        PortAllocator.HOLD.toSeconds(), held);
            } else {
                log.debug("RTP port pair {}/{} not bindable ({}), trying another", port, port + 1, cause.toString());
            }
            if (attempt < ports.range().pairs()) {
                bind(loop, listener, promise, attempt + 1);
            } else {
                promise.setFailure(new IOException("could not bind an RTP port pair on " + config.bindAddress()
                        + " after " + attempt + " attempts", cause));
            }
        });
    }

    /** Whether a rate-limited line may be logged now; at most one per {@link #LOG_EVERY_NANOS}. */
    private static boolean due(AtomicLong last) {
        long now = System.nanoTime();
        long then = last.get();
        return now - then >= LOG_EVERY_NANOS && last.compareAndSet(then, now);
    }

    /** RTCP is bound so that the port is ours, and ignored: reports from phones change nothing here. */
    @ChannelHandler.Sharable
    private static final class RtcpDiscard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
