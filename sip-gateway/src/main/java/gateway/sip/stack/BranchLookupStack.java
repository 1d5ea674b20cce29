package gateway.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import java.util.Locale;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * Jain-SIP's stack, finding client transactions by branch where the RI scans them all. The RI
 * keys its transaction tables by the lowercased branch when it carries RFC 3261's magic cookie,
 * and its request path stops at that lookup; but a response that matches no transaction (an
 * agent's 200 OK retransmitted while our ACK is on its way, a late 2xx) and every CANCEL we send
 * walk every client transaction, lowercasing a branch per transaction. With thousands of
 * transactions alive at a few hundred calls/s those walks were the largest CPU cost of the SIP
 * threads, and grew with load. Branches without the cookie (RFC 2543 peers) still get the walk.
 */
final class BranchLookupStack extends SipStackImpl {
    private static final String COOKIE = "z9hg4bk";

    BranchLookupStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if (!key.startsWith(COOKIE) || findTransaction(key, false) != null) {
            return super.newSIPServerResponse(response, channel);
        }
        // what the RI does once its walk has found nothing: the valves, then the response goes to the TU
        return passesValves(response, channel) ? sipMessageFactory.newSIPServerResponse(response, channel) : null;
    }

    @Override
    public SIPTransaction findCancelTransaction(SIPRequest cancel, boolean isServer) {
        Via via = cancel.getTopmostVia();
        String branch = via == null || via.getBranch() == null ? "" : via.getBranch().toLowerCase(Locale.ROOT);
        if (isServer || !branch.startsWith(COOKIE)) {
            return super.findCancelTransaction(cancel, isServer);
        }
        // a CANCEL of ours carries its INVITE's branch, which is that transaction's key
        SIPTransaction invite = findTransaction(branch, false);
        return invite instanceof SIPClientTransaction && invite.doesCancelMatchTransaction(cancel) ? invite : null;
    }

    private boolean passesValves(SIPResponse response, MessageChannel channel) {
        try {
            for (SIPMessageValve valve : sipMessageValves) {
                if (!valve.processResponse(response, channel)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            // as the RI: a valve that fails drops the message
            return false;
        }
    }
}
