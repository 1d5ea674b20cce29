package gateway.sip.tcp;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.ReusedBufferUdpProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.sip.ListeningPoint;

/**
 * The RI's NIO processor factory with our TCP and TLS processors in place of its own, and a UDP processor
 * that reuses its receive buffer instead of allocating 64 KB per datagram. A subclass, since the
 * stack checks for the NIO factory by type. Set on a stack before its listening points are made.
 */
public final class TcpProcessorFactory extends NioMessageProcessorFactory {
    private final TcpConnections connections;
    private final int deliveryThreads;
    private final Optional<SSLContext> tls;

    /**
     * @param deliveryThreads threads, shared by all connections of a transport, that hand received messages to the stack
     * @param tls             the context TLS connections are made from; without one there is no TLS
     */
    public TcpProcessorFactory(TcpConnections connections, int deliveryThreads, Optional<SSLContext> tls) {
        this.connections = connections;
        this.deliveryThreads = deliveryThreads;
        this.tls = tls;
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new GuardedTcpProcessor(address, stack, port, connections, deliveryThreads);
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport) && tls.isPresent()) {
            return new GuardedTlsProcessor(address, stack, port, connections, deliveryThreads, tls.get());
        }
        if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            return new ReusedBufferUdpProcessor(address, stack, port);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }
}
