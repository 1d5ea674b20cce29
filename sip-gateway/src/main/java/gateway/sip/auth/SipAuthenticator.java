package gateway.sip.auth;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of SIP requests (REGISTER, INVITE from softphones) as a UAS: 401 with
 * {@code WWW-Authenticate}, 403 for wrong credentials, and a per-source limit on failures.
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
            return new AuthResult.Challenge(false);
        }
        DigestResponse r = parse(header.get());
        Optional<AgentCredentials> agent = r.username() == null ? Optional.empty() : agents.byUser(r.username());
        // An unknown user is answered exactly like a wrong password, so users cannot be probed.
        DigestVerdict verdict = agent.isEmpty()
                ? DigestVerdict.WRONG_RESPONSE
                : digest.verify(request.getMethod(), r, agent.get().password());
        switch (verdict) {
            case OK:
                return new AuthResult.Authenticated(agent.get());
            case STALE:
            case REPLAYED:
            case UNKNOWN_NONCE:
                LOG.debug("{} from {}: user {} nonce {}", request.getMethod(), source.getHostAddress(), r.username(), verdict);
                return new AuthResult.Challenge(true);
            case UNUSABLE:
                return new AuthResult.Challenge(false);
            default:
                // one WARN when the source gets blocked (FailureLimiter); a single wrong password is routine
                boolean blocked = limiter.recordFailure(source);
                LOG.info("{} from {}: authentication failed for user {}{}", request.getMethod(),
                        source.getHostAddress(), printable(r.username()), blocked ? " (source now blocked)" : "");
                return new AuthResult.Forbidden("bad credentials");
        }
    }

    /** Adds one {@code WWW-Authenticate} header per offered algorithm to {@code response}. */
    public void challenge(Response response, boolean stale) {
        for (String value : digest.challenges(stale)) {
            try {
                response.addHeader(headers.createHeader("WWW-Authenticate", value));
            } catch (ParseException e) {
                throw new IllegalStateException("our own challenge does not parse: " + value, e);
            }
        }
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

    /** User names come from the network: keep log lines on one line and short. */
    private static String printable(String user) {
        if (user == null) {
            return "(none)";
        }
        String s = user.length() > 64 ? user.substring(0, 64) + "..." : user;
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
