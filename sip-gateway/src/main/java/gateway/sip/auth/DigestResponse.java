package gateway.sip.auth;

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

    /** The value the client must have sent for {@code password} (qop=auth). */
    public static String expected(DigestAlgorithm alg, String method, String username, String realm,
                                  String password, String nonce, String uri, String nc, String cnonce) {
        String ha1 = alg.hash(username + ":" + realm + ":" + password);
        String ha2 = alg.hash(method + ":" + uri);
        return alg.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    }
}
