package gateway.testphone;

import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestChallenge;
import gateway.sip.auth.DigestResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.message.Response;

/**
 * The phone's side of digest auth: remembers the last challenge, counts nc up per nonce, and
 * writes Authorization values. Tests can pick the algorithm and rewind the count to replay.
 */
public final class DigestClient {
    private final String user;
    private final String password;
    private DigestAlgorithm preferred;
    private DigestChallenge current;
    private long nc;

    DigestClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Use {@code algorithm} when the server offers it (default: the server's first offer). */
    public synchronized DigestClient prefer(DigestAlgorithm algorithm) {
        this.preferred = algorithm;
        return this;
    }

    public synchronized Optional<DigestChallenge> current() {
        return Optional.ofNullable(current);
    }

    /** Sends the next request with the nonce-count already used for the previous one. */
    public synchronized void rewindNonceCount() {
        nc = Math.max(0, nc - 1);
    }

    /** Forgets the challenge, so the next request goes without credentials. */
    public synchronized void forget() {
        current = null;
    }

    /** True when the phone has a password to answer challenges with. */
    public boolean canAnswer() {
        return password != null;
    }

    /** Takes the challenges of a 401; empty when none is usable. */
    public synchronized Optional<DigestChallenge> accept(Response response) {
        List<DigestChallenge> offered = DigestChallenge.of(response);
        Optional<DigestChallenge> pick = offered.stream().filter(c -> c.algorithm() == preferred).findFirst()
                .or(() -> offered.stream().findFirst());
        pick.ifPresent(c -> {
            current = c;
            nc = 0;
        });
        return pick;
    }

    /** An Authorization value for the current challenge, or empty before any challenge. */
    synchronized Optional<String> authorization(String method, String uri) {
        if (current == null || password == null) {
            return Optional.empty();
        }
        nc++;
        String ncHex = String.format(Locale.ROOT, "%08x", nc);
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String response = DigestResponse.compute(current.algorithm(), false, method, user, current.realm(), password,
                current.nonce(), uri, ncHex, cnonce);
        return Optional.of("Digest username=\"" + user + "\", realm=\"" + current.realm() + "\", nonce=\""
                + current.nonce() + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm="
                + current.algorithm().token() + ", qop=auth, nc=" + ncHex + ", cnonce=\"" + cnonce + "\"");
    }
}
