package gateway.sip.tcp;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NIOMode;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The RI's NIO TCP processor (one selector thread for every connection) with our channels: each
 * accepted connection is checked against the caps where it is accepted, and a sweep on the
 * stack's timer closes idle ones (TLS connections too: they share the stack's
 * {@link TcpConnections}). Messages reach the stack on a small pool shared by all connections
 * instead of a thread per connection.
 */
final class GuardedTcpProcessor extends NioTcpMessageProcessor {
    private final TcpConnections connections;
    private final ThreadPoolExecutor delivery;
    private final SIPStackTimerTask sweep = new SIPStackTimerTask() {
        @Override
        public void runTask() {
            connections.sweep(() -> StreamProcessors.liveInviteDialogs(sipStack));
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
        this.delivery = StreamProcessors.deliveryPool("sip-tcp-" + port + "-", deliveryThreads);
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

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        return StreamProcessors.accept(nioHandler, connections, client,
                admitted -> new GuardedTcpChannel(this, client, delivery, admitted));
    }

    @Override
    public MessageChannel createMessageChannel(HostPort target) throws IOException {
        return outbound(MessageChannel.getKey(target, transport), target.getInetAddress(), target.getPort());
    }

    @Override
    public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        return outbound(MessageChannel.getKey(host, port, transport), host, port);
    }

    private synchronized MessageChannel outbound(String key, InetAddress host, int port) throws IOException {
        MessageChannel channel = StreamProcessors.outbound(messageChannels, key, host, port,
                (h, p) -> new GuardedTcpChannel(h, p, sipStack, this, delivery));
        if (sipStack.nioMode == NIOMode.BLOCKING) {
            selector.wakeup();
        }
        return channel;
    }
}
