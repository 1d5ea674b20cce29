package gateway.sip.tcp;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NIOMode;
import gov.nist.javax.sip.stack.NioChannelAccess;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadPoolExecutor;
import javax.net.ssl.SSLContext;

/**
 * The RI's NIO TLS processor with our channels and our SSLContext: connections are admitted by the
 * same caps as TCP's and counted with them (one {@link TcpConnections} per stack, whose idle sweep
 * the TCP processor runs), and read by our framing once decrypted.
 */
final class GuardedTlsProcessor extends NioTlsMessageProcessor {
    private final TcpConnections connections;
    private final ThreadPoolExecutor delivery;

    GuardedTlsProcessor(InetAddress address, SIPTransactionStack stack, int port, TcpConnections connections,
                        int deliveryThreads, SSLContext context) {
        super(address, stack, port);
        NioChannelAccess.install(this, context);
        this.connections = connections;
        this.delivery = StreamProcessors.deliveryPool("sip-tls-" + port + "-", deliveryThreads);
    }

    TcpConnections connections() {
        return connections;
    }

    @Override
    public void stop() {
        super.stop();
        delivery.shutdownNow();
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        return StreamProcessors.accept(nioHandler, connections, client,
                admitted -> new GuardedTlsChannel(this, client, delivery, admitted));
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
                (h, p) -> new GuardedTlsChannel(h, p, sipStack, this, delivery));
        if (sipStack.nioMode == NIOMode.BLOCKING) {
            selector.wakeup();
        }
        return channel;
    }
}
