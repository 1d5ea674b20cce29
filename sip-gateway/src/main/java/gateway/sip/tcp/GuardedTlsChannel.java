package gateway.sip.tcp;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioChannelAccess;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * One TLS connection: the RI's TLS channel (its SSLEngine state machine on the selector thread)
 * whose decrypted bytes go through a {@link ConnectionInbox}, as a TCP connection's do, so the
 * strict parser sees every message and a double-CRLF ping is answered (encrypted) with one CRLF.
 * Counted and swept by {@link TcpConnections} like TCP connections.
 */
final class GuardedTlsChannel extends NioTlsMessageChannel implements GuardedChannel {
    private final Guard guard;

    /** A connection a peer opened to us; one not {@code admitted} is not counted, being on its way out. */
    GuardedTlsChannel(GuardedTlsProcessor processor, SocketChannel socket, Executor delivery, boolean admitted)
            throws IOException {
        super(processor, socket);
        this.guard = Guard.of(this, processor.connections(), true, admitted,
                new InetSocketAddress(peerAddress, peerPort), sipStack, delivery);
    }

    /** A connection we open to {@code host}. */
    GuardedTlsChannel(InetAddress host, int port, SIPTransactionStack stack, GuardedTlsProcessor processor,
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

    /** Bytes off the connection, on the selector thread: decrypted by the RI's SSL state machine. */
    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        super.addBytes(bytes);
        NioChannelAccess.flushHandshake(this);
    }

    /** Decrypted bytes, from the RI's SSL state machine on the selector thread. */
    @Override
    public void addPlaintextBytes(byte[] bytes) throws Exception {
        guard.inbox().add(bytes);
    }

    @Override
    public void sendMessage(SIPMessage message) throws IOException {
        guard.inbox().noteInvite(message);
        super.sendMessage(message);
    }

    /** Encrypted records (and handshake data) to our own peer go on our own connection (see {@link NioChannelAccess#writeToOwnPeer}). */
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
