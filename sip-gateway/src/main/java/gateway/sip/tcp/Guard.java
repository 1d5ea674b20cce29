package gateway.sip.tcp;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** What a guarded channel adds to the RI's: its place in {@link TcpConnections} and its {@link ConnectionInbox}. */
final class Guard {
    private final TcpConnections connections;
    private final boolean accepted;
    private final InetSocketAddress peer;
    private final ConnectionInbox inbox;
    private final AtomicBoolean released = new AtomicBoolean();

    private Guard(GuardedChannel channel, TcpConnections connections, boolean accepted, InetSocketAddress peer,
                  SIPTransactionStack stack, Executor delivery) {
        this.connections = connections;
        this.accepted = accepted;
        this.peer = peer;
        this.inbox = new ConnectionInbox(channel, stack.getMessageParserFactory().createMessageParser(stack),
                stack.getMaxMessageSize(), delivery);
    }

    /**
     * Call from the channel's constructor, once the RI's has set its peer: counts the connection,
     * unless it is an accepted one over a cap ({@code counted} false), on its way out.
     */
    static Guard of(GuardedChannel channel, TcpConnections connections, boolean accepted, boolean counted,
                    InetSocketAddress peer, SIPTransactionStack stack, Executor delivery) {
        Guard guard = new Guard(channel, connections, accepted, peer, stack, delivery);
        if (counted) {
            connections.opened(channel);
        }
        return guard;
    }

    boolean accepted() {
        return accepted;
    }

    InetSocketAddress peer() {
        return peer;
    }

    ConnectionInbox inbox() {
        return inbox;
    }

    /** The channel closed; without {@code removeSocket} the RI is only swapping its socket for a new one. */
    void closed(GuardedChannel channel, boolean removeSocket) {
        if (removeSocket && released.compareAndSet(false, true)) {
            connections.closed(channel);
        }
    }
}
