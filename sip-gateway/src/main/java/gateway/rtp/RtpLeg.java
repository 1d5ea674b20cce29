package gateway.rtp;

import gateway.sdp.MediaParameters;
import gateway.srtp.Sdes;
import gateway.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import ivr.audio.Codec;
import ivr.dtmf.TelephoneEventDecoder;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call leg: an RTP socket (and its RTCP neighbour, bound and ignored) on the
 * call's event loop. It receives from the peer, relays to the leg it is bridged to, plays what the
 * IVR sends, and sends to where the peer's packets come from once they arrive (symmetric RTP,
 * which gets through the peer's NAT), to the address of its SDP before that.
 *
 * <p>Every method but {@link #close()} and the plain getters must be called on {@link #loop()}.
 */
public final class RtpLeg {
    private static final Logger log = LoggerFactory.getLogger(RtpLeg.class);
    /** OPEN from bind to close; a closed leg sends and relays nothing, and its ports are released. */
    public enum State { OPEN, CLOSED }

    private final RtpEngine engine;
    private final EventLoop loop;
    private final int port;
    private final RtpLegListener listener;
    private final InactivitySweep sweep;
    private final LongSupplier clockMs;
    private final SourceLatch source;
    private final Promise<Void> closed;
    private final OutboundStream out = new OutboundStream();
    private Channel rtp;
    private Channel rtcp;
    private State state = State.OPEN;
    private MediaParameters media;
    private RtpLeg partner;
    private RtpTap tap;
    private Consumer<RtpLeg> mediaWatch;
    /** Null until someone listens for the peer's keys or presses one towards it. */
    private LegDtmf dtmf;
    /** Null for plain RTP; else decrypts what the peer sends (before the header check: padding is encrypted) and encrypts what goes to it. */
    private SrtpSession srtp;
    /** The RTP timestamp of the last event not relayed (a key pressed to us before a bridge): its tail is not either. */
    private long unrelayedEvent = -1;
    private boolean receivedSinceSweep;
    private long idleSinceMs;
    private long linkedAtMs;
    private long packetsIn;
    private long bytesIn;
    private long packetsOut;
    private long bytesOut;
    private long dropped;

    RtpLeg(RtpEngine engine, EventLoop loop, int port, RtpLegListener listener, InactivitySweep sweep) {
        this.engine = engine;
        this.loop = loop;
        this.port = port;
        this.listener = listener;
        this.sweep = sweep;
        this.clockMs = engine.config().clockMs();
        this.source = new SourceLatch(engine.config().relatchQuiet().toMillis());
        this.closed = loop.newPromise();
    }

    void attach(Channel rtpChannel, Channel rtcpChannel) {
        this.rtp = rtpChannel;
        this.rtcp = rtcpChannel;
    }

    /** Marks a leg whose sockets failed to bind as closed, so that closing them does nothing more. */
    void abandon() {
        state = State.CLOSED;
    }

    ChannelInboundHandlerAdapter receiver() {
        return new Receiver();
    }

    public EventLoop loop() {
        return loop;
    }

    /** The local RTP port, to put in our SDP. */
    public int port() {
        return port;
    }

    public State state() {
        return state;
    }

    /** The media agreed by offer/answer; again after each re-INVITE. */
    public void media(MediaParameters parameters) {
        checkLoop();
        MediaParameters old = media;
        media = Objects.requireNonNull(parameters);
        srtp = old != null && Objects.equals(old.sdes(), parameters.sdes()) ? srtp : Sdes.session(parameters.sdes());
        if (old != null && parameters.remote() != null && !parameters.remote().equals(old.remote())) {
            source.forget();
        }
        if (dtmf != null) {
            dtmf.media(parameters);
        }
        if (old != null && mediaWatch != null) {
            mediaWatch.accept(this);
        }
    }

    /** Sets (or with null, clears) who is told when a re-INVITE changes the media (hold, unhold). */
    public void watchMedia(Consumer<RtpLeg> watch) {
        checkLoop();
        mediaWatch = watch;
    }

    public MediaParameters media() {
        return media;
    }

    /** Sets (or with null, clears) who hears the peer's keys: RFC 4733, or in-band while it has no telephone-event. */
    public void listenForKeys(KeyListener listener) {
        dtmf().listen(listener);
    }

    /** Presses {@code key} towards the peer by RFC 4733 in our stream; false if closed or the peer has no telephone-event. */
    public boolean sendKey(char key, int durationMs) {
        return dtmf().press(key, durationMs);
    }

    private LegDtmf dtmf() {
        checkLoop();
        if (dtmf == null) {
            dtmf = new LegDtmf(this, out, clockMs);
        }
        return dtmf;
    }

    /** Where our packets go now, or null while we have nowhere to send. */
    public InetSocketAddress sendTarget() {
        return media == null ? null : source.source() != null ? source.source() : media.remote();
    }

    public RtpLeg partner() {
        return partner;
    }

    /** Sets (or with null, clears) the tap that sees this party's audio. */
    public void tap(RtpTap newTap) {
        checkLoop();
        tap = newTap;
    }

    /**
     * Sends one packet we originate (prompt, hold music, tone) in this leg's single outbound stream,
     * the payload already in the leg's codec; {@code timestampAdvance}: 160 for 20 ms of G.711.
     * False when nothing was sent: the leg is closed, has no media yet, or the peer holds.
     */
    public boolean send(int payloadType, byte[] payload, int timestampAdvance) {
        return send(payloadType, payload, 0, payload.length, timestampAdvance);
    }

    /** {@link #send(int, byte[], int)} for {@code length} bytes of {@code payload} from {@code offset}, copied once into the packet. */
    public boolean send(int payloadType, byte[] payload, int offset, int length, int timestampAdvance) {
        checkLoop();
        if (!canSend()) {
            return false;
        }
        ByteBuf packet = rtp.alloc().directBuffer(RtpHeader.FIXED_LENGTH + length + SrtpSession.MAX_TAG);
        out.playback(packet, payloadType, timestampAdvance, clockMs.getAsLong());
        packet.writeBytes(payload, offset, length);
        emit(packet);
        return true;
    }

    /** A snapshot of the counters; exact on the leg's loop, possibly a little stale elsewhere. */
    public RtpStats stats() {
        return new RtpStats(packetsIn, bytesIn, packetsOut, bytesOut, dropped, source.relatches());
    }

    /** Our SSRC, the same for the life of the leg. */
    public int ssrc() {
        return out.ssrc();
    }

    /**
     * Unbridges and closes the sockets; the ports go back to the pool when both are closed, which
     * is when the returned future completes. Safe from any thread and more than once.
     */
    public Future<Void> close() {
        if (loop.inEventLoop()) {
            close0();
        } else {
            loop.execute(this::close0);
        }
        return closed;
    }

    private void close0() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        engine.unbridge(this);
        engine.account(packetsOut, dropped);
        // NIO frees a closed socket's port only at the loop's next select, so the pair goes back
        // to the pool from a task scheduled behind that select
        rtp.close().addListener(f -> rtcp.close().addListener(g -> loop.schedule(() -> {
            engine.ports().release(port);
            closed.setSuccess(null);
        }, 1, TimeUnit.MILLISECONDS)));
    }

    // ---- bridge and inactivity, driven by RtpEngine and InactivitySweep ----

    void link(RtpLeg other) {
        partner = other;
        linkedAtMs = clockMs.getAsLong();
        sweep.watch(this);
    }

    /**
     * How long the peer has sent nothing: since its last packet, or since the bridge began if it
     * sent none since. A media timeout's talk time ends there, not at the timeout.
     */
    public long silentMs() {
        checkLoop();
        long heard = source.source() == null ? linkedAtMs : Math.max(source.heardMs(), linkedAtMs);
        return clockMs.getAsLong() - heard;
    }

    void unlink() {
        partner = null;
        sweep.unwatch(this);
    }

    void resetIdle(long nowMs) {
        receivedSinceSweep = false;
        idleSinceMs = nowMs;
    }

    /** How long the peer has been silent; zero while media does not flow both ways (hold). */
    long idleFor(long nowMs) {
        if (receivedSinceSweep || media == null || !media.flowing()) {
            resetIdle(nowMs);
            return 0;
        }
        return nowMs - idleSinceMs;
    }

    void reportInactive() {
        log.info("RTP leg on port {} received nothing for the inactivity timeout", port);
        try {
            listener.onInactive(this);
        } catch (RuntimeException e) {
            log.warn("inactivity listener failed for RTP leg on port {}", port, e);
        }
    }

    void checkLoop() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("RTP leg on port " + port + " used outside its event loop");
        }
    }

    boolean canSend() {
        return state == State.OPEN && media != null && media.peerReceives();
    }

    void emit(ByteBuf packet) {
        ByteBuf p = srtp == null ? packet : srtp.protect(packet, RtpHeader.headerLength(packet), rtp.alloc());
        packetsOut++;
        bytesOut += p.readableBytes();
        rtp.writeAndFlush(new DatagramPacket(p, sendTarget()), rtp.voidPromise());
    }

    private void onPacket(DatagramPacket datagram) {
        ByteBuf p = datagram.content();
        if (state != State.OPEN || (srtp != null && !srtp.unprotect(p, RtpHeader.headerLength(p)))
                || !RtpHeader.isValid(p)) {
            drop(datagram);
            return;
        }
        packetsIn++;
        bytesIn += p.readableBytes();
        long now = clockMs.getAsLong();
        if (!source.heard(datagram.sender(), now)) {
            drop(datagram);
            return;
        }
        receivedSinceSweep = true;
        if (media == null) {
            drop(datagram);
            return;
        }
        int pt = RtpHeader.payloadType(p);
        int payloadOffset = p.readerIndex() + RtpHeader.headerLength(p);
        int payloadLength = p.writerIndex() - RtpHeader.paddingLength(p) - payloadOffset;
        Codec codec;
        if (pt == media.receiveEventPt() && payloadLength >= TelephoneEventDecoder.PAYLOAD_BYTES) {
            onTelephoneEvent(datagram, pt, payloadOffset, payloadLength, now);
        } else if ((codec = Codec.forPayloadType(pt)) != null) {
            onAudio(datagram, codec, payloadOffset, payloadLength, now);
        } else {
            drop(datagram);
        }
    }

    private void onAudio(DatagramPacket datagram, Codec codec, int payloadOffset, int payloadLength, long now) {
        ByteBuf p = datagram.content();
        if (tap != null) {
            try {
                tap.onAudio(this, codec, p.slice(payloadOffset, payloadLength), RtpHeader.timestamp(p));
            } catch (RuntimeException e) {
                log.warn("RTP tap failed on port {}", port, e);
            }
        }
        if (dtmf != null) {
            dtmf.audio(codec, p, payloadOffset, payloadLength); // before a transcode rewrites the payload
        }
        RtpLeg to = partner;
        if (to == null || !to.canSend()) {
            datagram.release();
            return;
        }
        Codec target = to.media.codec();
        if (codec != target) {
            Transcoding.convert(p, payloadOffset, payloadLength, codec);
            RtpHeader.setPayloadType(p, target.payloadType());
        }
        to.out.relay(p, this, payloadLength, true, now);
        to.emit(p);
    }

    private void onTelephoneEvent(DatagramPacket datagram, int pt, int payloadOffset, int payloadLength, long now) {
        ByteBuf p = datagram.content();
        long timestamp = RtpHeader.timestamp(p);
        try {
            listener.onTelephoneEvent(this, pt, timestamp, p.slice(payloadOffset, payloadLength));
        } catch (RuntimeException e) {
            log.warn("telephone-event listener failed on port {}", port, e);
        }
        if (dtmf != null) {
            dtmf.event(pt, timestamp, p, payloadOffset);
        }
        RtpLeg to = partner;
        boolean relayable = to != null && to.canSend() && to.media.sendEventPt() >= 0;
        if (!relayable || timestamp == unrelayedEvent) {
            unrelayedEvent = relayable ? unrelayedEvent : timestamp;
            datagram.release();
            return;
        }
        RtpHeader.setPayloadType(p, to.media.sendEventPt());
        // the event's duration field (RFC 4733 2.3) is the span of timestamps the packet covers
        to.out.relay(p, this, p.getUnsignedShort(payloadOffset + 2), false, now);
        to.emit(p);
    }

    private void drop(DatagramPacket datagram) {
        dropped++;
        datagram.release();
    }

    @Override
    public String toString() {
        return "RtpLeg[port=" + port + ", " + state + ", to=" + sendTarget() + "]";
    }

    /** The RTP socket's only handler: every datagram is released or handed on exactly once. */
    private final class Receiver extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            onPacket((DatagramPacket) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            close0();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a send refused by the kernel (ICMP unreachable, buffer full) costs that packet only
            log.debug("RTP socket on port {}: {}", port, cause.toString());
        }
    }
}
