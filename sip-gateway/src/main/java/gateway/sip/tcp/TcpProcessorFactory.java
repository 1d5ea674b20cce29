package gateway.sip.tcp;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.ReusedBufferUdpProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The RI's NIO processor factory with our TCP processor in place of its own, and a UDP processor
 * that reuses its receive buffer instead of allocating 64 KB per datagram. A subclass, since the
 * stack checks for the NIO factory by type. Set on a stack before its listening points are made.
 */
public final class TcpProcessorFactory extends NioMessageProcessorFactory {
    private final TcpConnections connections;
    private final int deliveryThreads;

    /** @param deliveryThreads threads, shared by all connections, that hand received messages to the stack */
    public TcpProcessorFactory(TcpConnections connections, int deliveryThreads) {
        this.connections = connections;
        this.deliveryThreads = deliveryThreads;
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new GuardedTcpProcessor(address, stack, port, connections, deliveryThreads);
        }
        if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
            return new ReusedBufferUdpProcessor(address, stack, port);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }
}
