package gateway.sip.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Response;

/**
 * Our side of digest auth for one request and its re-sends (an INVITE, one REGISTER round):
 * answers a 401 or 407 once, answers again only a challenge that says {@code stale=true} (once),
 * and gives up on any other second challenge, since that means the password is wrong. Not
 * thread-safe: one request's responses come on one thread.
 */
public final class ClientDigest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to do with a challenge. */
    public sealed interface Answer {
        /** Re-send the request with this header added. */
        record Retry(String header, String value) implements Answer {
        }

        /** Fail the request; {@code why} is fit for a log line (no secret in it). */
        record GiveUp(String why) implements Answer {
        }
    }

    private final Optional<ClientCredentials> credentials;
    private boolean staleRetried;
    private String lastNonce;
    private long nc;
    /** The challenge answered last (null before any) and the header the answer went in, for {@link #again}. */
    private DigestChallenge last;
    private String lastHeader;

    private ClientDigest(Optional<ClientCredentials> credentials) {
        this.credentials = credentials;
    }

    /** For a request whose peer gave us credentials (null: none, and every challenge fails). */
    public static ClientDigest with(ClientCredentials credentials) {
        return new ClientDigest(Optional.ofNullable(credentials));
    }

    /** For a peer we hold no credentials for: every challenge fails. */
    public static ClientDigest none() {
        return new ClientDigest(Optional.empty());
    }

    /** Whether {@code status} is a challenge this class answers. */
    public static boolean isChallenge(int status) {
        return status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED;
    }

    /**
     * The header to re-send {@code method} to {@code uri} with, after {@code challenge} (a 401 or 407).
     */
    public Answer answer(Response challenge, String method, String uri) {
        int status = challenge.getStatusCode();
        if (credentials.isEmpty()) {
            return new Answer.GiveUp("challenged with " + status + " but no username and password are configured");
        }
        List<DigestChallenge> offered = DigestChallenge.of(challenge);
        if (offered.isEmpty()) {
            return new Answer.GiveUp("challenged with " + status + " but no challenge uses MD5 or SHA-256 with qop auth");
        }
        DigestChallenge c = offered.get(0);
        if (last != null) {
            if (!c.stale() || staleRetried) {
                return new Answer.GiveUp("credentials refused (" + status + " again after our answer)");
            }
            staleRetried = true;
        }
        last = c;
        lastHeader = status == Response.PROXY_AUTHENTICATION_REQUIRED ? ProxyAuthorizationHeader.NAME
                : AuthorizationHeader.NAME;
        return new Answer.Retry(lastHeader, value(c, method, uri));
    }

    /**
     * Credentials for the request sent again for another reason (a 422) after a challenge was
     * answered: the last challenge's nonce with the next nonce count; null when none was answered.
     */
    public Answer.Retry again(String method, String uri) {
        return last == null ? null : new Answer.Retry(lastHeader, value(last, method, uri));
    }

    private String value(DigestChallenge c, String method, String uri) {
        ClientCredentials creds = credentials.orElseThrow();
        nc = c.nonce().equals(lastNonce) ? nc + 1 : 1;
        lastNonce = c.nonce();
        String ncHex = c.qopAuth() || c.sess() ? String.format(Locale.ROOT, "%08x", nc) : null;
        String cnonce = ncHex == null ? null : HexFormat.of().formatHex(bytes());
        String response = DigestResponse.compute(c.algorithm(), c.sess(), method, creds.username(), c.realm(),
                creds.password(), c.nonce(), uri, c.qopAuth() ? ncHex : null, cnonce);
        StringBuilder v = new StringBuilder("Digest username=\"").append(creds.username())
                .append("\", realm=\"").append(c.realm()).append("\", nonce=\"").append(c.nonce())
                .append("\", uri=\"").append(uri).append("\", response=\"").append(response)
                .append("\", algorithm=").append(c.algorithmToken());
        if (cnonce != null) {
            v.append(", cnonce=\"").append(cnonce).append('"');
        }
        if (c.qopAuth()) {
            v.append(", qop=auth, nc=").append(ncHex);
        }
        if (c.opaque() != null) {
            v.append(", opaque=\"").append(c.opaque()).append('"');
        }
        return v.toString();
    }

    private static byte[] bytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
