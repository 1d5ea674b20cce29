package gateway.sip.tcp;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.text.ParseException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection on the RI's NIO processor, read by a {@link StreamFramer} on the selector
 * thread; whole messages go to the stack on a shared delivery pool, one at a time per connection
 * so that they keep their order. Remembers the Call-IDs of the INVITEs it carried, so that the idle
 * sweep can tell whether a dialog lives on it.
 */
final class GuardedTcpChannel extends NioTcpMessageChannel implements StreamFramer.Stream {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedTcpChannel.class);
    /** Messages delivered per turn on a pool thread before the connection yields it. */
    private static final int BATCH = 16;

    private final TcpConnections connections;
    private final boolean accepted;
    /** The remote end as connected (the RI may rewrite its peer fields from headers). */
    private final InetSocketAddress peer;
    private final Executor delivery;
    // initialised after the RI's constructor, which sets sipStack
    private final MessageParser parser = sipStack.getMessageParserFactory().createMessageParser(sipStack);
    private final StreamFramer framer = new StreamFramer(this, sipStack.getMaxMessageSize());
    private final Queue<SIPMessage> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final Set<String> inviteCallIds = ConcurrentHashMap.newKeySet();

    /** A connection a peer opened to us; one not {@code admitted} is not counted, being on its way out. */
    GuardedTcpChannel(GuardedTcpProcessor processor, SocketChannel socket, Executor delivery, boolean admitted)
            throws IOException {
        super(processor, socket);
        this.messageProcessor = processor;
        this.connections = processor.connections();
        this.accepted = true;
        this.peer = new InetSocketAddress(peerAddress, peerPort);
        this.delivery = delivery;
        if (admitted) {
            connections.opened(this);
        }
    }

    /** A connection we open to {@code host}. */
    GuardedTcpChannel(InetAddress host, int port, SIPTransactionStack stack, GuardedTcpProcessor processor,
                      Executor delivery) throws IOException {
        super(host, port, stack, processor);
        this.isCached = true;
        this.connections = processor.connections();
        this.accepted = false;
        this.peer = new InetSocketAddress(peerAddress, peerPort);
        this.delivery = delivery;
        connections.opened(this);
    }

    boolean accepted() {
        return accepted;
    }

    InetSocketAddress peer() {
        return peer;
    }

    /** Whether an INVITE this connection carried has a dialog among {@code liveCallIds}; forgets the others. */
    boolean carriesDialog(Set<String> liveCallIds) {
        inviteCallIds.retainAll(liveCallIds);
        return !inviteCallIds.isEmpty();
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        framer.add(bytes);
    }

    @Override
    public SIPMessage parse(byte[] head) throws ParseException {
        return parser.parseSIPMessage(head, false, false, this);
    }

    @Override
    public void deliver(SIPMessage message) {
        noteInvite(message);
        inbox.add(message);
        schedule();
    }

    @Override
    public void pong() {
        try {
            sendSingleCLRF();
        } catch (Exception e) {
            LOG.debug("could not answer a keep-alive ping on {}: {}", peer(), e.toString());
        }
    }

    private void schedule() {
        if (delivering.compareAndSet(false, true)) {
            try {
                delivery.execute(this::drain);
            } catch (RejectedExecutionException e) {
                inbox.clear(); // the stack is stopping
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            SIPMessage m = inbox.poll();
            if (m == null) {
                break;
            }
            try {
                processMessage(m);
            } catch (Exception e) {
                // as the RI's reader does: a message the stack cannot take ends the connection
                LOG.debug("closing TCP connection {}: the stack failed on a message: {}", peer(), e.toString());
                close();
                inbox.clear();
            }
        }
        delivering.set(false);
        if (!inbox.isEmpty()) {
            schedule();
        }
    }

    @Override
    public void sendMessage(SIPMessage message) throws IOException {
        noteInvite(message);
        super.sendMessage(message);
    }

    /**
     * Writes to our own peer on our own connection. The RI would look the connection up in its
     * socket table, which in 1.3.0-91 drops a connection it has just opened (so it opens a second
     * one, and its selector may write before that one is mapped to a channel, losing the message).
     */
    @Override
    public void sendTCPMessage(byte[] message, InetAddress receiver, int port, boolean retry) throws IOException {
        SocketChannel socket = getSocketChannel();
        if (socket == null || !socket.isOpen() || !socket.isConnected() || !receiver.equals(peerAddress)
                || port != peerPort) {
            super.sendTCPMessage(message, receiver, port, retry);
            return;
        }
        lastActivityTimeStamp = System.currentTimeMillis();
        if (peerPortAdvertisedInHeaders <= 0) {
            peerPortAdvertisedInHeaders = port;
        }
        ((NioTcpMessageProcessor) messageProcessor).send(socket, message);
    }

    private void noteInvite(SIPMessage m) {
        boolean invite = m instanceof SIPRequest r ? Request.INVITE.equals(r.getMethod())
                : m instanceof SIPResponse && m.getCSeq() != null && Request.INVITE.equals(m.getCSeq().getMethod());
        if (invite && m.getCallId() != null) {
            inviteCallIds.add(m.getCallId().getCallId());
        }
    }

    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        super.close(removeSocket, stopKeepAliveTask);
        // without removeSocket the RI is only swapping this channel's socket for a new one
        if (removeSocket && released.compareAndSet(false, true)) {
            connections.closed(this);
        }
    }
}
