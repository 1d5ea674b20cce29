package gateway.sip.tcp;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioChannelAccess;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * One TCP connection on the RI's NIO processor, read through a {@link ConnectionInbox} (our own
 * framing on the selector thread, delivery on a shared pool) and counted by {@link TcpConnections}.
 */
final class GuardedTcpChannel extends NioTcpMessageChannel implements GuardedChannel {
    private final Guard guard;

    /** A connection a peer opened to us; one not {@code admitted} is not counted, being on its way out. */
    GuardedTcpChannel(GuardedTcpProcessor processor, SocketChannel socket, Executor delivery, boolean admitted)
            throws IOException {
        super(processor, socket);
        this.messageProcessor = processor;
        this.guard = Guard.of(this, processor.connections(), true, admitted,
                new InetSocketAddress(peerAddress, peerPort), sipStack, delivery);
    }

    /** A connection we open to {@code host}. */
    GuardedTcpChannel(InetAddress host, int port, SIPTransactionStack stack, GuardedTcpProcessor processor,
                      Executor delivery) throws IOException {
        super(host, port, stack, processor);
        this.isCached = true;
        this.guard = Guard.of(this, processor.connections(), false, true,
                new InetSocketAddress(peerAddress, peerPort), sipStack, delivery);
    }

    @Override
    public Guard guard() {
        return guard;
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        guard.inbox().add(bytes);
    }

    @Override
    public void sendMessage(SIPMessage message) throws IOException {
        guard.inbox().noteInvite(message);
        super.sendMessage(message);
    }

    /** Writes to our own peer on our own connection (see {@link NioChannelAccess#writeToOwnPeer}). */
    @Override
    public void sendTCPMessage(byte[] message, InetAddress receiver, int port, boolean retry) throws IOException {
        if (!NioChannelAccess.writeToOwnPeer(this, message, receiver, port)) {
            super.sendTCPMessage(message, receiver, port, retry);
        }
    }

    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        super.close(removeSocket, stopKeepAliveTask);
        guard.closed(this, removeSocket);
    }
}
