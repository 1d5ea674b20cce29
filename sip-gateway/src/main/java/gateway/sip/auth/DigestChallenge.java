package gateway.sip.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;

/**
 * One {@code WWW-Authenticate} or {@code Proxy-Authenticate} challenge as a client reads it.
 *
 * @param opaque  echoed back unchanged, or null
 * @param sess    the {@code -sess} variant of {@code algorithm}
 * @param qopAuth the server offers qop=auth (else the RFC 2617 response without qop is sent)
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, boolean sess,
                              boolean qopAuth, boolean stale) {

    /**
     * The challenges of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) we can answer, in
     * the server's order of preference (RFC 8760: the client takes the first it supports).
     */
    public static List<DigestChallenge> of(Response response) {
        String header = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED
                ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME;
        List<DigestChallenge> list = new ArrayList<>();
        ListIterator<?> it = response.getHeaders(header);
        while (it != null && it.hasNext()) {
            parse((WWWAuthenticateHeader) it.next()).ifPresent(list::add);
        }
        return list;
    }

    static Optional<DigestChallenge> parse(WWWAuthenticateHeader h) {
        if (!"Digest".equalsIgnoreCase(h.getScheme()) || h.getNonce() == null || h.getRealm() == null) {
            return Optional.empty();
        }
        String token = h.getAlgorithm() == null ? "" : h.getAlgorithm();
        boolean sess = token.toLowerCase(Locale.ROOT).endsWith("-sess");
        Optional<DigestAlgorithm> alg = DigestAlgorithm.fromToken(sess ? token.substring(0, token.length() - 5) : token);
        String qop = h.getQop() == null ? "" : h.getQop();
        // qop-options is a list ("auth,auth-int"); only auth is answered, so a challenge offering auth-int alone is skipped
        boolean auth = List.of(qop.toLowerCase(Locale.ROOT).replace(" ", "").split(",")).contains("auth");
        if (alg.isEmpty() || !qop.isEmpty() && !auth) {
            return Optional.empty();
        }
        return Optional.of(new DigestChallenge(h.getRealm(), h.getNonce(), h.getOpaque(), alg.get(), sess, auth,
                "true".equalsIgnoreCase(h.getParameter("stale"))));
    }

    /** The algorithm token as the challenge named it. */
    public String algorithmToken() {
        return algorithm.token() + (sess ? "-sess" : "");
    }
}
