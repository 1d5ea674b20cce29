package gateway.sip.stack;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.lang.reflect.Field;
import java.net.InetAddress;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Connections from behind NAT (property {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}: the stack
 * calls it with every request it takes in, on its own thread). When a write on a TCP connection
 * fails, Jain-SIP connects to the top Via's sent-by of the connection's first request instead
 * (RFC 3261 18.2.2's last resort); for a phone behind NAT that is its private address, which is
 * not the phone's from here and must never be sent to. So on a connection whose Via names
 * another host than the connection's peer, that fallback is forgotten (the channel's field is
 * protected, read here): the write fails, and its transaction with it.
 */
public final class NatConnections implements SIPMessageValve {
    private static final Field VIA_FALLBACK = fallbackField();

    public NatConnections() {
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Via via = request.getTopmostVia();
        InetAddress peer = request.getRemoteAddress();
        if (channel instanceof ConnectionOrientedMessageChannel c && via != null && peer != null
                && !peer.getHostAddress().equals(via.getHost())) {
            try {
                VIA_FALLBACK.set(c, null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot reach the Via fallback of " + c.getKey(), e);
            }
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    private static Field fallbackField() {
        try {
            Field f = ConnectionOrientedMessageChannel.class.getDeclaredField("peerAddressAdvertisedInHeaders");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
