package gov.nist.javax.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * What our TCP and TLS processors and channels need of the RI's protected and package-private
 * fields, hence in its package: our own SSLContext in place of the one the RI builds from key store
 * properties (JKS files and passwords, JVM-wide defaults), a nudge for its SSL state machine, and
 * writes to a channel's own peer on its own socket.
 */
public final class NioChannelAccess {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private NioChannelAccess() {
    }

    /** {@code context} for connections accepted and opened alike; set before the processor starts. */
    public static void install(NioTlsMessageProcessor processor, SSLContext context) {
        processor.sslServerCtx = context;
        processor.sslClientCtx = context;
    }

    /**
     * Sends the handshake data the engine has ready. The RI's state machine returns from an
     * unwrap that ran out of input without wrapping what the engine then has to send: a TLS 1.3
     * client's Finished, so the handshake, and the messages queued behind it, would wait for
     * the next send. An empty message with no callback makes it wrap and send that data.
     */
    public static void flushHandshake(NioTlsMessageChannel channel) throws IOException {
        SSLStateMachine machine = channel.sslStateMachine;
        if (machine != null && machine.sslEngine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            machine.wrap(NOTHING.duplicate(), channel.prepareEncryptedDataBuffer(), null);
        }
    }

    /**
     * Writes {@code message} on the channel's own socket when {@code receiver:port} is its
     * connected peer, and says whether it did (if not, the RI's own path must take it). The RI
     * would look the connection up in its socket table, which in 1.3.0-91 drops a connection it
     * has just opened (so it opens a second one, and its selector may write before that one is
     * mapped to a channel, losing the message).
     */
    public static boolean writeToOwnPeer(NioTcpMessageChannel channel, byte[] message, InetAddress receiver, int port)
            throws IOException {
        SocketChannel socket = channel.getSocketChannel();
        if (socket == null || !socket.isOpen() || !socket.isConnected() || !receiver.equals(channel.peerAddress)
                || port != channel.peerPort) {
            return false;
        }
        channel.lastActivityTimeStamp = System.currentTimeMillis();
        if (channel.peerPortAdvertisedInHeaders <= 0) {
            channel.peerPortAdvertisedInHeaders = port;
        }
        ((NioTcpMessageProcessor) channel.messageProcessor).send(socket, message);
        return true;
    }
}
