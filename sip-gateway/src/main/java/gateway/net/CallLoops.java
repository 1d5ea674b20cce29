package gateway.net;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event loops that own calls. A call is pinned to one loop by its Call-ID, so its SIP events,
 * RTP channels and playback all run on one thread and its state never races with itself.
 */
public final class CallLoops implements AutoCloseable {
    private final Transport transport;
    private final EventLoopGroup group;
    private final EventLoop[] loops;

    public CallLoops(Transport transport, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads + " must be at least 1");
        }
        this.transport = transport;
        this.group = transport.newGroup(threads, "call-loop");
        List<EventLoop> list = new ArrayList<>(threads);
        for (EventExecutor e : group) {
            list.add((EventLoop) e);
        }
        this.loops = list.toArray(new EventLoop[0]);
    }

    /** One loop per available processor on the best transport. */
    public static CallLoops create() {
        return new CallLoops(Transport.best(), Runtime.getRuntime().availableProcessors());
    }

    /** The loop that owns {@code callId}: the same loop for the same id, for the life of the process. */
    public EventLoop loopFor(String callId) {
        // String.hashCode is specified by the JLS, so the mapping is stable across runs
        return loops[Math.floorMod(callId.hashCode(), loops.length)];
    }

    public List<EventLoop> loops() {
        return List.of(loops);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
