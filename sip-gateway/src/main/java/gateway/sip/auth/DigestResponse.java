package gateway.sip.auth;

import javax.sip.header.AuthorizationHeader;

/**
 * The parameters of a client's {@code Authorization: Digest ...} header, as sent (unquoted).
 * Any of them may be null when the client left it out.
 */
public record DigestResponse(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        String algorithm,
        String qop,
        String nc,
        String cnonce) {

    /** The parameters of an Authorization or Proxy-Authorization header. */
    public static DigestResponse of(AuthorizationHeader h) {
        return new DigestResponse(h.getUsername(), h.getRealm(), h.getNonce(), h.getParameter("uri"),
                h.getResponse(), h.getAlgorithm(), h.getQop(), h.getParameter("nc"), h.getCNonce());
    }

    /** The value the client must have sent for {@code password} (qop=auth). */
    public static String expected(DigestAlgorithm alg, String method, String username, String realm,
                                  String password, String nonce, String uri, String nc, String cnonce) {
        return compute(alg, false, method, username, realm, password, nonce, uri, nc, cnonce);
    }

    /**
     * The response value of RFC 7616 section 3.4.1 (RFC 2617 without qop when {@code nc} is null),
     * for both sides: we verify phones with it and answer carriers' challenges with it.
     *
     * @param sess the {@code -sess} variant: the cnonce enters the user's hash too
     */
    public static String compute(DigestAlgorithm alg, boolean sess, String method, String username, String realm,
                                 String password, String nonce, String uri, String nc, String cnonce) {
        String ha1 = alg.hash(username + ":" + realm + ":" + password);
        if (sess) {
            ha1 = alg.hash(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = alg.hash(method + ":" + uri);
        return nc == null ? alg.hash(ha1 + ":" + nonce + ":" + ha2)
                : alg.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    }
}
