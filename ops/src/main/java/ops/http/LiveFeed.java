package ops.http;

import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import ops.records.CallFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event stream's hub ({@code GET /api/events}): the core, the gateway's call facts, the
 * journal's commits and config reloads only mark it dirty (never blocking their threads); one
 * "admin-live" thread then builds at most {@link #MIN_GAP_MS one snapshot per 250 ms}, writes it
 * once per role to every subscriber, and nothing at all while nobody listens. Snapshots are full
 * state, so a subscriber too slow to take one (its channel unwritable) simply gets the latest
 * when it can take writes again.
 */
public final class LiveFeed implements AcdEventListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    static final long MIN_GAP_MS = 250;
    static final long PING_MS = 15_000;
    static final long REFRESH_MS = 10_000;
    static final int MAX_SUBSCRIBERS = 64;

    /**
     * One open stream, and the nonce of the session cookie it was opened with (null: bearer);
     * {@code stale} when it missed a snapshot while unwritable.
     */
    private static final class Subscriber {
        final Channel channel;
        final Role role;
        final String session;
        volatile boolean stale;

        Subscriber(Channel channel, Role role, String session) {
            this.channel = channel;
            this.role = role;
            this.session = session;
        }
    }

    private final Snapshots snapshots;
    private final Predicate<String> signedOut;
    private final ConfigControl config;
    private final ScheduledExecutorService thread;
    private final Map<Channel, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Streams admitted: reserved before the response head is written, released when the stream ends. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong snapshotsBuilt = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile long lastFlushMs;
    /** The last snapshot's bytes per role, for subscribers that catch up; touched on the feed's thread only. */
    private final Map<Role, byte[]> latest = new EnumMap<>(Role.class);

    /** @param signedOut whether a session (its nonce) was signed out: its stream is closed, however it raced the sign-out */
    LiveFeed(Snapshots snapshots, ConfigControl config, Predicate<String> signedOut) {
        this.snapshots = snapshots;
        this.config = config;
        this.signedOut = signedOut;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("admin-live", true));
        thread.scheduleWithFixedDelay(this::changed, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::ping, PING_MS, PING_MS, TimeUnit.MILLISECONDS);
    }

    /** The core's events: on the core's thread, so only a flag and a schedule. */
    @Override
    public void onEvent(AcdEvent event) {
        changed();
    }

    /** Something shown live changed: a snapshot follows within {@link #MIN_GAP_MS}. */
    public void changed() {
        dirty.set(true);
        if (subscribers.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, lastFlushMs + MIN_GAP_MS - System.currentTimeMillis());
        run(() -> thread.schedule(this::flush, delay, TimeUnit.MILLISECONDS));
    }

    /**
     * The gateway's call facts (on the call loops) for {@code records}, with {@code changed} run
     * for those that change what is live; {@code changed} reaches {@link #changed()}, also of a
     * feed that starts later.
     */
    public static CallFacts facts(CallFacts records, Runnable changed) {
        return new FeedFacts(records, changed);
    }

    /** Finished calls are in the records (queryable) now: {@code event: finished}. */
    public void finished(List<String> callIds) {
        if (!subscribers.isEmpty()) {
            run(() -> thread.execute(() -> broadcast(frame("finished", Json.bytes(Map.of("callIds", callIds))))));
        }
        changed();
    }

    /** A config reload was tried: {@code event: config} with the outcome, and the queues may have changed. */
    public void configChanged() {
        if (!subscribers.isEmpty()) {
            run(() -> thread.execute(() -> broadcast(frame("config", Json.bytes(config.status())))));
        }
        changed();
    }

    int subscribers() {
        return subscribers.size();
    }

    /** Snapshots built so far (for tests of the coalescing). */
    long snapshotsBuilt() {
        return snapshotsBuilt.get();
    }

    /** Subscribers that missed a snapshot while unwritable (for tests). */
    long staleSubscribers() {
        return subscribers.values().stream().filter(s -> s.stale).count();
    }

    /**
     * Reserves one of the {@link #MAX_SUBSCRIBERS} places, or false when all are taken. A place
     * is counted from here, not from {@link #subscribe}, so streams opened at the same moment
     * cannot all pass a check of the same count; {@link #release} gives it back when the
     * stream fails before subscribing, closing the channel gives it back after.
     */
    boolean admit() {
        while (true) {
            int n = admitted.get();
            if (n >= MAX_SUBSCRIBERS) {
                return false;
            }
            if (admitted.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place {@link #admit} reserved for a stream that never subscribed. */
    void release() {
        admitted.decrementAndGet();
    }

    /** Streams admitted and not yet ended (for tests). */
    int admitted() {
        return admitted.get();
    }

    /**
     * A stream {@link #admit admitted} has its response head written: from now on the channel
     * gets the feed; closing it unsubscribes and releases its place.
     */
    void subscribe(Channel channel, Role role, String session) {
        Subscriber s = new Subscriber(channel, role, session);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (ctx.channel().isWritable() && s.stale) {
                    run(() -> thread.execute(() -> catchUp(s)));
                }
                ctx.fireChannelWritabilityChanged();
            }
        });
        subscribers.put(channel, s);
        if (session != null && signedOut.test(session)) {
            // signed out between the cookie's check and now: the sign-out records before it ends
            // streams, so either its endStreams saw this one or this check sees the sign-out
            channel.close();
        }
        run(() -> thread.execute(() -> welcome(s)));
        // last, so nothing after it can fail and have the caller release the place a second time
        channel.closeFuture().addListener(f -> {
            subscribers.remove(channel);
            release();
        });
    }

    /** Closes the streams opened with a session cookie that was just signed out. */
    void endStreams(String session) {
        subscribers.values().stream().filter(s -> session.equals(s.session)).forEach(s -> s.channel.close());
    }

    /** Closes every stream (a test's way to see the page reconnect). */
    void dropAll() {
        subscribers.keySet().forEach(Channel::close);
    }

    /** {@code retry:} and a snapshot at once: the last one while nothing changed since, else a new one. */
    private void welcome(Subscriber s) {
        write(s, "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        byte[] last = latest.get(s.role);
        if (last != null && (!dirty.get() || scheduled.get())) {
            write(s, last); // and when a change is pending, its snapshot follows within MIN_GAP_MS
        } else {
            dirty.set(true);
            flush();
        }
    }

    private void catchUp(Subscriber s) {
        byte[] last = latest.get(s.role);
        if (s.stale && last != null && s.channel.isWritable()) {
            s.stale = false;
            write(s, last);
        }
    }

    /** On the feed's thread: one snapshot, serialised once per role, to everyone. */
    private void flush() {
        scheduled.set(false);
        if (subscribers.isEmpty() || !dirty.getAndSet(false)) {
            return; // nobody to tell, or a snapshot for a new subscriber already showed this change
        }
        lastFlushMs = System.currentTimeMillis();
        Snapshots.Snapshot snapshot;
        try {
            snapshot = snapshots.snapshot();
        } catch (RuntimeException e) {
            dirty.set(true);
            if (thread.isShutdown()) {
                log.debug("live feed closed while building a snapshot: {}", e.toString());
            } else {
                log.warn("live feed: no snapshot this time ({}); trying again within {} ms", e.toString(), REFRESH_MS);
            }
            return;
        }
        snapshotsBuilt.incrementAndGet();
        latest.clear();
        for (Subscriber s : subscribers.values()) {
            byte[] bytes = latest.computeIfAbsent(s.role, role -> frame("snapshot",
                    Json.bytes(role == Role.VIEWER ? snapshot.masked() : snapshot)));
            if (s.channel.isWritable()) {
                s.stale = false;
                write(s, bytes);
            } else {
                s.stale = true;
            }
        }
    }

    private void broadcast(byte[] frame) {
        subscribers.values().forEach(s -> write(s, frame));
    }

    /** The keep-alive comment, so proxies and browsers keep an idle stream open. */
    private void ping() {
        broadcast(": ping\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Subscriber s, byte[] bytes) {
        s.channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
    }

    private byte[] frame(String event, byte[] data) {
        String head = "id: " + sequence.incrementAndGet() + "\nevent: " + event + "\ndata: ";
        return concat(concat(head.getBytes(StandardCharsets.UTF_8), data), "\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Work for the feed's thread; after {@link #close} there is none. */
    private void run(Runnable submit) {
        try {
            submit.run();
        } catch (RejectedExecutionException e) {
            log.debug("live feed closed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        dropAll();
    }
}
