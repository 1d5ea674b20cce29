package gateway.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final DigestAuthenticator auth = new DigestAuthenticator("acd.test",
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), Duration.ofMinutes(5), 4, clock::get);

    /** RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256. */
    @Test
    void matchesTheRfc7616Examples() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestResponse.expected(DigestAlgorithm.MD5, "GET",
                "Mufasa", "http-auth@example.org", "Circle of Life", nonce, "/dir/index.html", "00000001", cnonce));
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestResponse.expected(DigestAlgorithm.SHA_256, "GET", "Mufasa", "http-auth@example.org",
                        "Circle of Life", nonce, "/dir/index.html", "00000001", cnonce));
    }

    @Test
    void challengesOfferEachAlgorithmInOrderWithOneNonce() {
        List<String> challenges = auth.challenges(true);
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0).contains("algorithm=SHA-256"));
        assertTrue(challenges.get(1).contains("algorithm=MD5"));
        assertEquals(nonce(challenges.get(0)), nonce(challenges.get(1)));
        assertTrue(challenges.get(0).contains("qop=\"auth\"") && challenges.get(0).contains("stale=true"));
        assertFalse(auth.challenges(false).get(0).contains("stale"));
        List<String> standard = DigestAuthenticator.standard("acd.test").challenges(false);
        assertEquals(1, standard.size(), "MD5 alone, for phones that stop at a SHA-256 challenge: " + standard);
        assertTrue(standard.get(0).contains("algorithm=MD5"));
    }

    @Test
    void anOfferOfItsOwnIsChallengedAndVerifiedInItsOrder() {
        List<DigestAlgorithm> shaOnly = List.of(DigestAlgorithm.SHA_256);
        DigestAuthenticator md5 = DigestAuthenticator.standard("acd.test");
        List<String> challenges = md5.challenges(shaOnly, false);
        assertEquals(1, challenges.size());
        assertTrue(challenges.get(0).contains("algorithm=SHA-256"));
        String n = nonce(challenges.get(0));
        assertEquals(DigestVerdict.UNUSABLE, md5.verify("REGISTER", answer(DigestAlgorithm.MD5, n, "00000001", "pw"),
                "pw", shaOnly), "MD5 was not offered to this agent");
        assertEquals(DigestVerdict.OK, md5.verify("REGISTER", answer(DigestAlgorithm.SHA_256, n, "00000001", "pw"),
                "pw", shaOnly));
    }

    @Test
    void acceptsRightPasswordOncePerNonceCount() {
        String nonce = nonce(auth.challenges(false).get(0));
        for (DigestAlgorithm alg : DigestAlgorithm.values()) {
            String n = nonce(auth.challenges(false).get(0));
            assertEquals(DigestVerdict.OK, auth.verify("REGISTER", answer(alg, n, "00000001", "pw"), "pw"));
            assertEquals(DigestVerdict.REPLAYED, auth.verify("REGISTER", answer(alg, n, "00000001", "pw"), "pw"));
            assertEquals(DigestVerdict.OK, auth.verify("REGISTER", answer(alg, n, "00000002", "pw"), "pw"));
        }
        assertEquals(DigestVerdict.WRONG_RESPONSE,
                auth.verify("REGISTER", answer(DigestAlgorithm.MD5, nonce, "00000001", "guess"), "pw"));
    }

    @Test
    void expiredNonceIsStaleButOnlyWithTheRightPassword() {
        String nonce = nonce(auth.challenges(false).get(0));
        clock.addAndGet(Duration.ofMinutes(5).toMillis() + 1);
        assertEquals(DigestVerdict.STALE, auth.verify("REGISTER", answer(DigestAlgorithm.SHA_256, nonce, "00000001", "pw"), "pw"));
        assertEquals(DigestVerdict.WRONG_RESPONSE,
                auth.verify("REGISTER", answer(DigestAlgorithm.SHA_256, nonce, "00000001", "x"), "pw"));
    }

    @Test
    void nonceOfAnotherProcessIsUnknown() {
        DigestAuthenticator other = new DigestAuthenticator("acd.test", List.of(DigestAlgorithm.MD5),
                Duration.ofMinutes(5), 4, clock::get);
        String foreign = nonce(other.challenges(false).get(0));
        assertEquals(DigestVerdict.UNKNOWN_NONCE, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, foreign, "00000001", "pw"), "pw"));
        String tampered = foreign.substring(0, 10) + (foreign.charAt(10) == 'A' ? 'B' : 'A') + foreign.substring(11);
        assertEquals(DigestVerdict.UNKNOWN_NONCE, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, tampered, "00000001", "pw"), "pw"));
    }

    @Test
    void unusableResponsesAreNotFailures() {
        String nonce = nonce(auth.challenges(false).get(0));
        DigestResponse good = answer(DigestAlgorithm.MD5, nonce, "00000001", "pw");
        DigestResponse noQop = new DigestResponse(good.username(), good.realm(), nonce, good.uri(), good.response(),
                "MD5", null, good.nc(), good.cnonce());
        DigestResponse otherRealm = new DigestResponse(good.username(), "elsewhere", nonce, good.uri(), good.response(),
                "MD5", "auth", good.nc(), good.cnonce());
        DigestResponse sha512 = new DigestResponse(good.username(), good.realm(), nonce, good.uri(), good.response(),
                "SHA-512-256", "auth", good.nc(), good.cnonce());
        DigestResponse badNc = new DigestResponse(good.username(), good.realm(), nonce, good.uri(), good.response(),
                "MD5", "auth", "zz", good.cnonce());
        for (DigestResponse r : List.of(noQop, otherRealm, sha512, badNc)) {
            assertEquals(DigestVerdict.UNUSABLE, auth.verify("REGISTER", r, "pw"));
        }
        assertFalse(DigestVerdict.UNUSABLE.countsAsFailure());
        assertTrue(DigestVerdict.WRONG_RESPONSE.countsAsFailure());
    }

    @Test
    void replayTableStaysBoundedAndRefusesWhatItForgot() {
        String first = nonce(auth.challenges(false).get(0));
        assertEquals(DigestVerdict.OK, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, first, "00000001", "pw"), "pw"));
        clock.incrementAndGet();
        // capacity 4: four more nonces push the first one out
        for (int i = 0; i < 4; i++) {
            String n = nonce(auth.challenges(false).get(0));
            clock.incrementAndGet();
            assertEquals(DigestVerdict.OK, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, n, "00000001", "pw"), "pw"));
        }
        // forgotten, so a replay of it cannot be told from a new use: refused as a replay
        assertEquals(DigestVerdict.REPLAYED, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, first, "00000001", "pw"), "pw"));
        assertEquals(DigestVerdict.REPLAYED, auth.verify("REGISTER", answer(DigestAlgorithm.MD5, first, "00000009", "pw"), "pw"));
    }

    private static DigestResponse answer(DigestAlgorithm alg, String nonce, String nc, String password) {
        String uri = "sip:acd.test";
        String cnonce = "c" + nc;
        return new DigestResponse("1001", "acd.test", nonce, uri,
                DigestResponse.expected(alg, "REGISTER", "1001", "acd.test", password, nonce, uri, nc, cnonce),
                alg.token(), "auth", nc, cnonce);
    }

    private static String nonce(String challenge) {
        Matcher m = NONCE.matcher(challenge);
        assertTrue(m.find(), challenge);
        return m.group(1);
    }
}
