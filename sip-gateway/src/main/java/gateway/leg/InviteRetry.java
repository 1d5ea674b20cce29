package gateway.leg;

import gateway.dialog.SessionTimerRules;
import gateway.sip.Resender;
import gateway.sip.SipOutbound;
import gateway.sip.auth.ClientDigest;
import gateway.trunk.TrunkRoute;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The final responses one outgoing leg's INVITE is sent again for, and how: a 401/407 with the
 * trunk's credentials (one stale retry, see {@link ClientDigest}), a 422 once with its Min-SE
 * (RFC 4028 section 7.4), with the credentials again when a challenge was answered before. Both
 * go through {@link Resender#resend}: the same INVITE, body or none (a delayed offer), Route
 * set and session timer headers, CSeq one up, in a new transaction.
 */
final class InviteRetry {
    private final SipOutbound sip;
    private final SessionTimerRules timers;
    private final TrunkRoute trunk;
    private final ClientDigest digest;
    private boolean retried422;

    /** @param trunk the trunk the INVITE goes through, or null for an agent's phone (no credentials) */
    InviteRetry(LegServices services, TrunkRoute trunk) {
        this.sip = services.sip();
        this.timers = services.timers();
        this.trunk = trunk;
        this.digest = trunk == null ? ClientDigest.none() : trunk.digest();
    }

    /** Whether a final {@code status} to our INVITE is one it goes again for. */
    boolean handles(int status) {
        return ClientDigest.isChallenge(status) || status == SessionTimerRules.INTERVAL_TOO_SMALL && !retried422;
    }

    /** The INVITE of {@code live} sent again for {@code response} (one {@link #handles} took). */
    Resender.Resend resend(ClientTransaction live, Response response) {
        if (ClientDigest.isChallenge(response.getStatusCode())) {
            return sip.resender().authenticate(live, response, digest);
        }
        retried422 = true;
        int minSe = SessionTimerRules.minSe(response);
        int seconds = Math.max(minSe, timers.expiresSeconds());
        Request invite = live.getRequest();
        return sip.resender().resend(invite, digest.again(invite.getMethod(), invite.getRequestURI().toString()),
                r -> timers.request(r, seconds, minSe, false));
    }

    boolean throughTrunk() {
        return trunk != null;
    }

    /** " through trunk X" for the log, or nothing for an agent's phone. */
    String through() {
        return trunk == null ? "" : " through " + trunk;
    }
}
