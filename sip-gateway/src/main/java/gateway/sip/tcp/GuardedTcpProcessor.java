package gateway.sip.tcp;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NIOMode;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.Dialog;
import javax.sip.DialogState;

/**
 * The RI's NIO TCP processor (one selector thread for every connection) with our channels: each
 * accepted connection is checked against the caps where it is accepted, and a sweep on the
 * stack's timer closes idle ones. Messages reach the stack on a small pool shared by all
 * connections instead of a thread per connection.
 */
final class GuardedTcpProcessor extends NioTcpMessageProcessor {
    private static final long POOL_KEEP_ALIVE_S = 30;

    private final TcpConnections connections;
    private final ThreadPoolExecutor delivery;
    private final SIPStackTimerTask sweep = new SIPStackTimerTask() {
        @Override
        public void runTask() {
            connections.sweep(GuardedTcpProcessor.this::liveInviteDialogs);
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    };

    GuardedTcpProcessor(InetAddress address, SIPTransactionStack stack, int port, TcpConnections connections,
                        int deliveryThreads) {
        super(address, stack, port);
        this.connections = connections;
        AtomicInteger n = new AtomicInteger();
        String name = "sip-tcp-" + port + "-";
        this.delivery = new ThreadPoolExecutor(deliveryThreads, deliveryThreads, POOL_KEEP_ALIVE_S, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        delivery.allowCoreThreadTimeOut(true);
    }

    TcpConnections connections() {
        return connections;
    }

    @Override
    public void start() throws IOException {
        super.start();
        long period = connections.sweepPeriodMs();
        sipStack.getTimer().scheduleWithFixedDelay(sweep, period, period);
    }

    @Override
    public void stop() {
        sipStack.getTimer().cancel(sweep);
        super.stop();
        delivery.shutdownNow();
    }

    /**
     * On the selector thread, for each accepted connection. One over a cap is shut down both ways
     * rather than closed: the RI registers the socket with its selector right after this returns
     * (a closed one would make it log an error), then reads the end of stream and closes it.
     */
    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        NioTcpMessageChannel known = nioHandler.getMessageChannel(client);
        if (known != null) {
            return known;
        }
        boolean admitted = connections.admit(client.socket().getInetAddress());
        GuardedTcpChannel channel = new GuardedTcpChannel(this, client, delivery, admitted);
        nioHandler.putMessageChannel(client, channel);
        if (!admitted) {
            client.shutdownOutput();
            client.shutdownInput();
        }
        return channel;
    }

    @Override
    public MessageChannel createMessageChannel(HostPort target) throws IOException {
        return outbound(MessageChannel.getKey(target, transport), target.getInetAddress(), target.getPort());
    }

    @Override
    public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        return outbound(MessageChannel.getKey(host, port, transport), host, port);
    }

    /** Our connection to {@code host}, opened unless one is cached, as the RI's own method does. */
    private synchronized MessageChannel outbound(String key, InetAddress host, int port) throws IOException {
        ConnectionOrientedMessageChannel channel = messageChannels.get(key);
        if (channel == null) {
            channel = new GuardedTcpChannel(host, port, sipStack, this, delivery);
            messageChannels.put(key, channel);
        }
        if (sipStack.nioMode == NIOMode.BLOCKING) {
            selector.wakeup();
        }
        return channel;
    }

    private Set<String> liveInviteDialogs() {
        Set<String> ids = new HashSet<>();
        for (Dialog d : sipStack.getDialogs()) {
            if (d.getState() != DialogState.TERMINATED && d.getCallId() != null) {
                ids.add(d.getCallId().getCallId());
            }
        }
        return ids;
    }
}
