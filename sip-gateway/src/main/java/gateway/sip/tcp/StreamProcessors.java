package gateway.sip.tcp;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.Dialog;
import javax.sip.DialogState;

/** What our TCP and TLS processors do alike: admission of accepted connections, outbound ones, delivery pool. */
final class StreamProcessors {
    private static final long POOL_KEEP_ALIVE_S = 30;

    /** Makes a channel for an accepted connection; {@code admitted} false: over a cap, not counted. */
    interface Accepted {
        NioTcpMessageChannel create(boolean admitted) throws IOException;
    }

    /** Makes our channel to a host. */
    interface Outbound {
        ConnectionOrientedMessageChannel create(InetAddress host, int port) throws IOException;
    }

    private StreamProcessors() {
    }

    /** A pool of {@code threads} daemon threads named {@code name-N}, idle ones ending after a while. */
    static ThreadPoolExecutor deliveryPool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, POOL_KEEP_ALIVE_S, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * On the selector thread, for each accepted connection. One over a cap is shut down both ways
     * rather than closed: the RI registers the socket with its selector right after this returns
     * (a closed one would make it log an error), then reads the end of stream and closes it.
     */
    static NioTcpMessageChannel accept(NIOHandler handler, TcpConnections connections, SocketChannel client,
                                       Accepted make) throws IOException {
        NioTcpMessageChannel known = handler.getMessageChannel(client);
        if (known != null) {
            return known;
        }
        boolean admitted = connections.admit(client.socket().getInetAddress());
        NioTcpMessageChannel channel = make.create(admitted);
        handler.putMessageChannel(client, channel);
        if (!admitted) {
            client.shutdownOutput();
            client.shutdownInput();
        }
        return channel;
    }

    /** Our connection under {@code key}, opened unless one is cached, as the RI's own method does; the caller holds the processor's lock. */
    static ConnectionOrientedMessageChannel outbound(Map<String, ConnectionOrientedMessageChannel> cache, String key,
                                                    InetAddress host, int port, Outbound make) throws IOException {
        ConnectionOrientedMessageChannel channel = cache.get(key);
        if (channel == null) {
            channel = make.create(host, port);
            cache.put(key, channel);
        }
        return channel;
    }

    /** Call-IDs of the stack's dialogs that have not ended. */
    static Set<String> liveInviteDialogs(SIPTransactionStack stack) {
        Set<String> ids = new HashSet<>();
        for (Dialog d : stack.getDialogs()) {
            if (d.getState() != DialogState.TERMINATED && d.getCallId() != null) {
                ids.add(d.getCallId().getCallId());
            }
        }
        return ids;
    }
}
