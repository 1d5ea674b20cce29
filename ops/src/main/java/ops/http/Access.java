package ops.http;

import java.util.Map;

/**
 * Who is asking: the admin token in a bearer header is an admin, the wallboard token a viewer;
 * without a header, a valid session cookie not signed out names its role. Scripts use the header, the page
 * the cookie; only the cookie is ambient, so only cookie requests need a CSRF token.
 */
final class Access {
    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"acd\"");

    /** A caller let in; {@code session} is null for a bearer header. */
    record Caller(Role role, SessionCookies.Session session) {
        boolean viaCookie() {
            return session != null;
        }
    }

    private final BearerAuth admin;
    /** Null when no wallboard token is set: then nobody is a viewer by header. */
    private final BearerAuth viewer;
    private final SessionCookies cookies;
    private final SignOuts signOuts;

    Access(BearerAuth admin, BearerAuth viewer, SessionCookies cookies, SignOuts signOuts) {
        this.admin = admin;
        this.viewer = viewer;
        this.cookies = cookies;
        this.signOuts = signOuts;
    }

    SessionCookies cookies() {
        return cookies;
    }

    /** The caller, or a 401 with the bearer challenge. */
    Caller resolve(Map<String, String> headers) {
        String authorization = headers.get("authorization");
        if (authorization != null) {
            if (admin.allows(authorization)) {
                return new Caller(Role.ADMIN, null);
            }
            if (viewer != null && viewer.allows(authorization)) {
                return new Caller(Role.VIEWER, null);
            }
        }
        SessionCookies.Session session = cookies.verify(headers.get("cookie"));
        if (session != null && !signOuts.signedOut(session)) {
            return new Caller(session.role(), session);
        }
        throw unauthorized();
    }

    /** The session's cookie is refused from now on, on every request and stream. */
    void signOut(SessionCookies.Session session) {
        signOuts.signOut(session);
    }

    /** Which role a token signs in as, or null for neither. */
    Role signIn(String token) {
        if (admin.matches(token)) {
            return Role.ADMIN;
        }
        return viewer != null && viewer.matches(token) ? Role.VIEWER : null;
    }

    static ApiException unauthorized() {
        return new ApiException(401, "a valid 'Authorization: Bearer <token>' header or a sign-in is required", CHALLENGE);
    }
}
