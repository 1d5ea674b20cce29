package gateway.sip.stack;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetSocketAddress;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * The stack's router (property {@code javax.sip.ROUTER_PATH}): the stack asks it for the next hop
 * of every request it sends, ACKs and other in-dialog requests included. A phone behind NAT
 * answers with its private Contact, which becomes the dialog's remote target, yet the ACK, BYE
 * and re-INVITEs must go where the INVITE went: the NAT's address (over TCP, the phone's own
 * connection, found by that address). So an INVITE to a target {@link #natTargets} knows pins its
 * Call-ID to that hop until the dialog (or, unanswered, the INVITE) ends; every other request
 * goes where Jain-SIP's {@link DefaultRouter} sends it. The Request-URI stays the remote target.
 */
public final class NatRouter implements Router {
    /** Where requests for a target behind NAT go: its source address and the transport it came over. */
    public record NatHop(InetSocketAddress address, String transport) {
    }

    private final DefaultRouter standard;
    private final Map<String, Hop> pinned = new ConcurrentHashMap<>();
    private volatile Function<String, NatHop> natTargets = uri -> null;

    /** The constructor the stack calls by reflection. */
    public NatRouter(SipStack stack, String outboundProxy) {
        this.standard = new DefaultRouter(stack, outboundProxy);
    }

    /** Which Request-URIs of new INVITEs are targets behind NAT, and where they are reached (null: not behind NAT). */
    public void natTargets(Function<String, NatHop> lookup) {
        this.natTargets = lookup;
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        // a Route set (a registration's Path) leads: the proxy at its head handles the phone's NAT
        if (request.getHeader(RouteHeader.NAME) == null) {
            String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
            Hop hop = pinned.get(callId);
            if (hop == null && Request.INVITE.equals(request.getMethod())
                    && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null) {
                NatHop nat = natTargets.apply(request.getRequestURI().toString());
                if (nat != null) {
                    hop = new HopImpl(nat.address().getAddress().getHostAddress(), nat.address().getPort(),
                            nat.transport().toUpperCase(Locale.ROOT));
                    pinned.put(callId, hop);
                }
            }
            if (hop != null) {
                return hop;
            }
        }
        return standard.getNextHop(request);
    }

    /** The dialog or unanswered INVITE of {@code callId} ended: its requests need no hop of their own. */
    void release(String callId) {
        pinned.remove(callId);
    }

    /** Call-IDs pinned to a NAT's address now. */
    public int pinned() {
        return pinned.size();
    }

    @Override
    public Hop getOutboundProxy() {
        return standard.getOutboundProxy();
    }

    @Override
    @SuppressWarnings({"deprecation", "rawtypes"})
    public ListIterator getNextHops(Request request) {
        return standard.getNextHops(request);
    }
}
