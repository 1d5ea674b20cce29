package gateway.sip.tcp;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.SIPMessageListener;
import java.io.IOException;
import java.net.InetSocketAddress;
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
 * The receiving side of one guarded connection, plain or TLS: its plaintext bytes are cut into
 * messages by a {@link StreamFramer} on the selector thread, and whole messages go to the stack on
 * a shared delivery pool, one at a time per connection so that they keep their order. Remembers
 * the Call-IDs of the INVITEs the connection carried, so that the idle sweep can tell whether a
 * dialog lives on it.
 */
final class ConnectionInbox implements StreamFramer.Stream {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionInbox.class);
    /** Messages delivered per turn on a pool thread before the connection yields it. */
    private static final int BATCH = 16;

    /** What the inbox needs from its channel (the RI's channels have these methods already). */
    interface Owner extends SIPMessageListener {
        InetSocketAddress peer();

        void close();
    }

    private final Owner owner;
    private final MessageParser parser;
    private final Executor delivery;
    private final StreamFramer framer;
    private final Queue<SIPMessage> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final Set<String> inviteCallIds = ConcurrentHashMap.newKeySet();

    ConnectionInbox(Owner owner, MessageParser parser, int maxMessageSize, Executor delivery) {
        this.owner = owner;
        this.parser = parser;
        this.delivery = delivery;
        this.framer = new StreamFramer(this, maxMessageSize);
    }

    /** The connection's next plaintext bytes; an IOException means it must close. */
    void add(byte[] bytes) throws IOException {
        framer.add(bytes);
    }

    @Override
    public SIPMessage parse(byte[] head) throws ParseException {
        return parser.parseSIPMessage(head, false, false, owner);
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
            owner.sendSingleCLRF();
        } catch (Exception e) {
            LOG.debug("could not answer a keep-alive ping on {}: {}", owner.peer(), e.toString());
        }
    }

    /** Whether an INVITE the connection carried has a dialog among {@code liveCallIds}; forgets the others. */
    boolean carriesDialog(Set<String> liveCallIds) {
        inviteCallIds.retainAll(liveCallIds);
        return !inviteCallIds.isEmpty();
    }

    /** Notes an INVITE (or a response to one) going out or coming in. */
    void noteInvite(SIPMessage m) {
        boolean invite = m instanceof SIPRequest r ? Request.INVITE.equals(r.getMethod())
                : m instanceof SIPResponse && m.getCSeq() != null && Request.INVITE.equals(m.getCSeq().getMethod());
        if (invite && m.getCallId() != null) {
            inviteCallIds.add(m.getCallId().getCallId());
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
                owner.processMessage(m);
            } catch (Exception e) {
                // as the RI's reader does: a message the stack cannot take ends the connection
                LOG.debug("closing connection {}: the stack failed on a message: {}", owner.peer(), e.toString());
                owner.close();
                inbox.clear();
            }
        }
        delivering.set(false);
        if (!inbox.isEmpty()) {
            schedule();
        }
    }
}
