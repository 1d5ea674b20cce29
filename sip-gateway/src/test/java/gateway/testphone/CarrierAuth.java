package gateway.testphone;

import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestAuthenticator;
import gateway.sip.auth.DigestResponse;
import gateway.sip.auth.DigestVerdict;
import java.time.Duration;
import java.util.List;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A carrier's digest check for a test phone standing in for a trunk: challenges with the
 * server's own {@link DigestAuthenticator} (one algorithm, qop=auth) and verifies the answer
 * the ACD re-sends, as a carrier would.
 */
public final class CarrierAuth {
    private final DigestAuthenticator digest;
    private final String password;

    public CarrierAuth(String realm, String password, DigestAlgorithm algorithm) {
        this.digest = new DigestAuthenticator(realm, List.of(algorithm), Duration.ofMinutes(5), 1_000,
                System::currentTimeMillis);
        this.password = password;
    }

    /** Answers {@code request} with {@code status} (401 or 407) and a fresh challenge. */
    public void challenge(Incoming request, int status, boolean stale) {
        String header = status == Response.PROXY_AUTHENTICATION_REQUIRED ? ProxyAuthenticateHeader.NAME
                : WWWAuthenticateHeader.NAME;
        request.respond(status, null, header + ": " + digest.challenges(stale).get(0));
    }

    /** What the carrier makes of the credentials {@code request} carries (UNUSABLE when none). */
    public DigestVerdict verify(Request request) {
        AuthorizationHeader h = (AuthorizationHeader) request.getHeader(ProxyAuthorizationHeader.NAME);
        if (h == null) {
            h = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        }
        if (h == null) {
            return DigestVerdict.UNUSABLE;
        }
        return digest.verify(request.getMethod(), DigestResponse.of(h), password);
    }
}
