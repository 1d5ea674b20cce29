package gateway.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** Our answers to carriers' challenges: the RFC test vectors, and when we answer and when we give up. */
class ClientDigestTest {
    private static final ClientCredentials CREDS = new ClientCredentials("acd", "secret");

    @Test
    void responsesMatchTheRfcExamples() {
        // RFC 2617 section 3.5
        assertEquals("6629fae49393a05397450978507c4ef1", DigestResponse.compute(DigestAlgorithm.MD5, false, "GET",
                "Mufasa", "testrealm@host.com", "Circle Of Life", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "00000001", "0a4f113b"));
        // RFC 7616 section 3.9.1, SHA-256 and MD5
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", DigestResponse.compute(
                DigestAlgorithm.SHA_256, false, "GET", "Mufasa", "http-auth@example.org", "Circle of Life", nonce,
                "/dir/index.html", "00000001", cnonce));
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", DigestResponse.compute(DigestAlgorithm.MD5, false, "GET",
                "Mufasa", "http-auth@example.org", "Circle of Life", nonce, "/dir/index.html", "00000001", cnonce));
    }

    @Test
    void aProxyChallengeIsAnsweredWithProxyAuthorizationAndItsOpaque() throws Exception {
        ClientDigest.Answer.Retry retry = retry(407, "Digest realm=\"c\", nonce=\"n1\", opaque=\"op\", algorithm=SHA-256, qop=\"auth\"");
        assertEquals("Proxy-Authorization", retry.header());
        assertTrue(retry.value().contains("algorithm=SHA-256") && retry.value().contains("qop=auth, nc=00000001")
                && retry.value().contains("opaque=\"op\""), retry.value());
        assertFalse(retry.value().contains("secret"), "never the password");
    }

    @Test
    void withoutQopTheRfc2069FormIsSent() throws Exception {
        ClientDigest.Answer.Retry retry = retry(401, "Digest realm=\"c\", nonce=\"n1\"");
        assertEquals("Authorization", retry.header());
        assertTrue(retry.value().contains("algorithm=MD5") && !retry.value().contains("qop") && !retry.value().contains("cnonce"),
                retry.value());
    }

    @Test
    void theSessVariantSendsACnonce() throws Exception {
        ClientDigest.Answer.Retry retry = retry(401, "Digest realm=\"c\", nonce=\"n1\", algorithm=MD5-sess, qop=\"auth,auth-int\"");
        assertTrue(retry.value().contains("algorithm=MD5-sess") && retry.value().contains("cnonce="), retry.value());
    }

    @Test
    void aSecondChallengeFailsUnlessStaleAndStaleOnlyOnce() throws Exception {
        Response fresh = challenge(407, "Digest realm=\"c\", nonce=\"n1\", qop=\"auth\"");
        Response stale = challenge(407, "Digest realm=\"c\", nonce=\"n2\", qop=\"auth\", stale=true");
        ClientDigest digest = ClientDigest.with(CREDS);
        assertInstanceOf(ClientDigest.Answer.Retry.class, digest.answer(fresh, "INVITE", "sip:1@c"));
        assertInstanceOf(ClientDigest.Answer.Retry.class, digest.answer(stale, "INVITE", "sip:1@c"));
        assertInstanceOf(ClientDigest.Answer.GiveUp.class, digest.answer(stale, "INVITE", "sip:1@c"));

        ClientDigest wrong = ClientDigest.with(CREDS);
        wrong.answer(fresh, "INVITE", "sip:1@c");
        ClientDigest.Answer.GiveUp again = assertInstanceOf(ClientDigest.Answer.GiveUp.class,
                wrong.answer(fresh, "INVITE", "sip:1@c"));
        assertTrue(again.why().contains("credentials refused"), again.why());
    }

    @Test
    void aRequestSentAgainAfterAnAnsweredChallengeUsesItsNonceWithTheNextCount() throws Exception {
        ClientDigest digest = ClientDigest.with(CREDS);
        assertNull(digest.again("INVITE", "sip:1@c"), "nothing answered yet: no credentials");
        digest.answer(challenge(407, "Digest realm=\"c\", nonce=\"n1\", qop=\"auth\""), "INVITE", "sip:1@c");
        ClientDigest.Answer.Retry again = digest.again("INVITE", "sip:1@c");
        assertEquals("Proxy-Authorization", again.header());
        assertTrue(again.value().contains("nonce=\"n1\"") && again.value().contains("nc=00000002"), again.value());
    }

    @Test
    void noCredentialsOrNoUsableChallengeGivesUp() throws Exception {
        Response challenge = challenge(401, "Digest realm=\"c\", nonce=\"n1\", qop=\"auth\"");
        assertInstanceOf(ClientDigest.Answer.GiveUp.class, ClientDigest.none().answer(challenge, "INVITE", "sip:1@c"));
        Response unknown = challenge(401, "Digest realm=\"c\", nonce=\"n1\", algorithm=SHA-512-256, qop=\"auth\"");
        assertInstanceOf(ClientDigest.Answer.GiveUp.class, ClientDigest.with(CREDS).answer(unknown, "INVITE", "sip:1@c"));
        Response authInt = challenge(401, "Digest realm=\"c\", nonce=\"n1\", qop=\"auth-int\"");
        assertInstanceOf(ClientDigest.Answer.GiveUp.class, ClientDigest.with(CREDS).answer(authInt, "INVITE", "sip:1@c"));
    }

    /** Our answer to a first challenge of {@code status} with {@code value}, which must be a retry. */
    private static ClientDigest.Answer.Retry retry(int status, String value) throws Exception {
        return assertInstanceOf(ClientDigest.Answer.Retry.class,
                ClientDigest.with(CREDS).answer(challenge(status, value), "INVITE", "sip:1@c"));
    }

    private static Response challenge(int status, String value) throws Exception {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        MessageFactory messages = sip.createMessageFactory();
        HeaderFactory headers = sip.createHeaderFactory();
        Request request = messages.createRequest("INVITE sip:1@c SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
                + "From: <sip:a@b>;tag=1\r\nTo: <sip:1@c>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n");
        Response response = messages.createResponse(status, request);
        response.addHeader(headers.createHeader(status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate", value));
        return response;
    }
}
