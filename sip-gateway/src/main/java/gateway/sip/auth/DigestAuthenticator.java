package gateway.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Server side of HTTP digest authentication (RFC 7616) as SIP uses it: qop=auth only, one
 * challenge per offered algorithm, stateless signed nonces with a lifetime and a replay check
 * on the nonce-count. Knows nothing of SIP messages; {@link SipAuthenticator} does that.
 */
public final class DigestAuthenticator {
    private final String realm;
    private final List<DigestAlgorithm> offered;
    private final NonceService nonces;
    private final NonceCounts counts;
    private final LongSupplier clockMs;

    public DigestAuthenticator(String realm, List<DigestAlgorithm> offered, Duration nonceLifetime,
                               int nonceTableCapacity, LongSupplier clockMs) {
        this.realm = Objects.requireNonNull(realm, "realm");
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("offered algorithms must not be empty");
        }
        if (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("realm=" + realm + " must not contain quotes or backslashes");
        }
        this.offered = List.copyOf(offered);
        this.clockMs = clockMs;
        this.nonces = new NonceService(new SecureRandom(), nonceLifetime, clockMs);
        this.counts = new NonceCounts(nonceTableCapacity, nonceLifetime.toMillis());
    }

    /**
     * MD5 only, nonces valid for five minutes, replay table for 100,000 nonces. SHA-256 is opt-in:
     * SIPp 3.6.1 and baresip 1.0 (Debian 12) give up at a SHA-256 challenge even when an MD5 one
     * follows it.
     */
    public static DigestAuthenticator standard(String realm) {
        return new DigestAuthenticator(realm, List.of(DigestAlgorithm.MD5), Duration.ofMinutes(5), 100_000,
                System::currentTimeMillis);
    }

    public String realm() {
        return realm;
    }

    /** The algorithms offered when an agent asks for none of its own, most preferred first. */
    public List<DigestAlgorithm> offered() {
        return offered;
    }

    /** One challenge value per offered algorithm, most preferred first, sharing one fresh nonce. */
    public List<String> challenges(boolean stale) {
        return challenges(offered, stale);
    }

    /** One challenge value per algorithm of {@code offer}, in its order, sharing one fresh nonce. */
    public List<String> challenges(List<DigestAlgorithm> offer, boolean stale) {
        String nonce = nonces.issue();
        List<String> values = new ArrayList<>(offer.size());
        for (DigestAlgorithm a : offer) {
            values.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + a.token()
                    + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
        }
        return values;
    }

    /** Checks {@code r}, sent with a request of {@code method}, against the user's password. */
    public DigestVerdict verify(String method, DigestResponse r, String password) {
        return verify(method, r, password, offered);
    }

    /** {@link #verify(String, DigestResponse, String)} accepting only the algorithms of {@code offer}. */
    public DigestVerdict verify(String method, DigestResponse r, String password, List<DigestAlgorithm> offer) {
        Optional<DigestAlgorithm> alg = DigestAlgorithm.fromToken(r.algorithm());
        if (alg.isEmpty() || !offer.contains(alg.get()) || !usable(r)) {
            return DigestVerdict.UNUSABLE;
        }
        long nc;
        try {
            nc = Long.parseLong(r.nc(), 16);
        } catch (NumberFormatException e) {
            return DigestVerdict.UNUSABLE;
        }
        String expected = DigestResponse.expected(alg.get(), method, r.username(), realm, password,
                r.nonce(), r.uri(), r.nc(), r.cnonce());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                r.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return DigestVerdict.WRONG_RESPONSE;
        }
        NonceService.Check nonce = nonces.check(r.nonce());
        if (nonce.status() == NonceService.Status.FORGED) {
            return DigestVerdict.UNKNOWN_NONCE;
        }
        if (nonce.status() == NonceService.Status.EXPIRED) {
            return DigestVerdict.STALE;
        }
        if (!counts.advance(r.nonce(), nonce.issuedAtMs(), nc, clockMs.getAsLong())) {
            return DigestVerdict.REPLAYED;
        }
        return DigestVerdict.OK;
    }

    private boolean usable(DigestResponse r) {
        return r.username() != null && r.nonce() != null && r.uri() != null && r.response() != null
                && r.nc() != null && r.cnonce() != null && realm.equals(r.realm()) && "auth".equalsIgnoreCase(r.qop());
    }
}
