package gateway.sip.auth;

import gateway.net.Addresses;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of SIP requests (REGISTER, INVITE from softphones) as a UAS: 401 with
 * {@code WWW-Authenticate} (the algorithms the agent asks for, else the server's), 403 for wrong
 * credentials, and limits on failures per user at an address and per address.
 * Failures are logged with user and source, never with credentials.
 */
public final class SipAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(SipAuthenticator.class);

    private final DigestAuthenticator digest;
    private final AgentDirectory agents;
    private final FailureLimiter limiter;
    private final HeaderFactory headers;

    public SipAuthenticator(DigestAuthenticator digest, AgentDirectory agents, FailureLimiter limiter,
                            HeaderFactory headers) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    public AuthResult authenticate(Request request, InetAddress source) {
        if (limiter.isBlocked(source)) {
            return new AuthResult.Forbidden("too many failed authentications");
        }
        Optional<AuthorizationHeader> header = ourAuthorization(request);
        if (header.isEmpty()) {
            return new AuthResult.Challenge(false, offerFor(agents.byUser(claimedUser(request))));
        }
        DigestResponse r = parse(header.get());
        if (limiter.isBlocked(source, r.username())) {
            return new AuthResult.Forbidden("too many failed authentications");
        }
        Optional<AgentCredentials> agent = r.username() == null ? Optional.empty() : agents.byUser(r.username());
        // An unknown user is answered exactly like a wrong password, so users cannot be probed.
        DigestVerdict verdict = agent.isEmpty()
                ? DigestVerdict.WRONG_RESPONSE
                : digest.verify(request.getMethod(), r, agent.get().password(), offerFor(agent));
        switch (verdict) {
            case OK:
                return new AuthResult.Authenticated(agent.get());
            case STALE:
            case REPLAYED:
            case UNKNOWN_NONCE:
                LOG.debug("{} from {}: user {} nonce {}", request.getMethod(), Addresses.ip(source), r.username(), verdict);
                return new AuthResult.Challenge(true, offerFor(agent));
            case UNUSABLE:
                return new AuthResult.Challenge(false, offerFor(agent));
            default:
                // one WARN when a block starts (FailureLimiter); a single wrong password is routine
                boolean blocked = limiter.recordFailure(source, r.username());
                LOG.info("{} from {}: authentication failed for user {}{}", request.getMethod(),
                        Addresses.ip(source), printable(r.username()), blocked ? " (now blocked)" : "");
                return new AuthResult.Forbidden("bad credentials");
        }
    }

    /** Adds one {@code WWW-Authenticate} header per algorithm {@code challenge} offers to {@code response}. */
    public void challenge(Response response, AuthResult.Challenge challenge) {
        for (String value : digest.challenges(challenge.offer(), challenge.stale())) {
            try {
                response.addHeader(headers.createHeader("WWW-Authenticate", value));
            } catch (ParseException e) {
                throw new IllegalStateException("our own challenge does not parse: " + value, e);
            }
        }
    }

    /** The agent's own algorithms, or the server's for an agent without them and for an unknown user. */
    private List<DigestAlgorithm> offerFor(Optional<AgentCredentials> agent) {
        return agent.map(AgentCredentials::digest).filter(d -> !d.isEmpty()).orElse(digest.offered());
    }

    /**
     * Who a request without credentials will authenticate as: a REGISTER's address of record,
     * anything else's From user. An unknown or absent one gets the server's algorithms.
     */
    private static String claimedUser(Request request) {
        HeaderAddress h = (HeaderAddress) request.getHeader(Request.REGISTER.equals(request.getMethod())
                ? ToHeader.NAME : FromHeader.NAME);
        return h != null && h.getAddress().getURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
    }

    private Optional<AuthorizationHeader> ourAuthorization(Request request) {
        ListIterator<?> it = request.getHeaders(AuthorizationHeader.NAME);
        while (it != null && it.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if ("Digest".equalsIgnoreCase(h.getScheme()) && digest.realm().equals(h.getRealm())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private static DigestResponse parse(AuthorizationHeader h) {
        return DigestResponse.of(h);
    }

    /** User names come from the network: keep log lines (and the limiter's keys) on one line and short. */
    static String printable(String user) {
        if (user == null) {
            return "(none)";
        }
        String s = user.length() > 64 ? user.substring(0, 64) + "..." : user;
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
