package gateway.sdp;

import static gateway.sdp.SdpParserTest.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.MediaSecurity;
import gateway.srtp.CryptoSuite;
import gateway.srtp.SdesKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDES in offer/answer under a leg's terms: profile, keys, best effort, and what each {@code media} refuses. */
class SrtpTermsTest {
    private static final SdesKey PHONE_80 = SdesKey.random(5, CryptoSuite.AES_CM_128_HMAC_SHA1_80);
    private static final SdesKey PHONE_32 = SdesKey.random(6, CryptoSuite.AES_CM_128_HMAC_SHA1_32);

    private final SdpNegotiator negotiator = SdpNegotiator.defaults();
    private final LocalSession session = new LocalSession("203.0.113.1");

    private static SessionDescription sdp(String profile, SdesKey... keys) throws SdpException {
        StringBuilder crypto = new StringBuilder();
        for (SdesKey k : keys) {
            crypto.append("a=crypto:").append(k.attributeValue()).append("\r\n");
        }
        return SdpParser.parse(crlf("v=0", "o=phone 10 10 IN IP4 192.0.2.7", "s=-", "c=IN IP4 192.0.2.7", "t=0 0",
                "m=audio 5004 " + profile + " 0 101", "a=rtpmap:101 telephone-event/8000") + crypto);
    }

    private Negotiation answer(SessionDescription offer, SrtpTerms terms) throws SdpException {
        return negotiator.answer(offer, session, 20000, Direction.SENDRECV, terms);
    }

    @Test
    void anSavpOfferOverTlsIsAnsweredWithOurKeyForTheFirstLineWeTake() throws SdpException {
        SessionDescription offer = SdpParser.parse(sdp("RTP/SAVP", PHONE_32, PHONE_80).toString()
                .replace("a=crypto:6", "a=crypto:4 AEAD_AES_256_GCM inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\na=crypto:6"));
        Negotiation n = answer(offer, new SrtpTerms(MediaSecurity.ANY, true));
        MediaDescription m = n.answer().media().get(0);
        assertEquals("RTP/SAVP", m.proto());
        SdesKey ours = SdesKey.parse(m.attribute("crypto"));
        assertNotNull(ours);
        assertEquals(6, ours.tag());
        assertEquals(CryptoSuite.AES_CM_128_HMAC_SHA1_32, ours.suite());
        assertEquals(PHONE_32, n.media().sdes().theirs());
        assertEquals(ours, n.media().sdes().ours());
    }

    @Test
    void keysInAPlainOfferAreBestEffortSrtpAndAPlainOfferStaysPlain() throws SdpException {
        Negotiation best = answer(sdp("RTP/AVP", PHONE_80), new SrtpTerms(MediaSecurity.ANY, true));
        assertEquals("RTP/AVP", best.answer().media().get(0).proto());
        assertEquals(PHONE_80, best.media().sdes().theirs());
        Negotiation plain = answer(sdp("RTP/AVP"), new SrtpTerms(MediaSecurity.ANY, true));
        assertNull(plain.media().sdes());
        assertNull(plain.answer().media().get(0).attribute("crypto"));
    }

    @Test
    void eachPolicyRefusesWhatItDoesNotTake() throws SdpException {
        SessionDescription savp = sdp("RTP/SAVP", PHONE_80);
        assertThrows(SdpException.class, () -> answer(savp, new SrtpTerms(MediaSecurity.RTP, true)));
        assertThrows(SdpException.class, () -> answer(savp, new SrtpTerms(MediaSecurity.ANY, false)), "no TLS");
        assertThrows(SdpException.class, () -> answer(sdp("RTP/AVP"), new SrtpTerms(MediaSecurity.SRTP, true)));
        Negotiation plainOnly = answer(sdp("RTP/AVP", PHONE_80), new SrtpTerms(MediaSecurity.RTP, true));
        assertNull(plainOnly.media().sdes(), "keys in a plain offer are ignored by an rtp-only leg");
        assertTrue(!new SrtpTerms(MediaSecurity.SRTP, false).usable());
    }

    @Test
    void ourOfferAndItsAnswer() throws SdpException {
        SrtpTerms must = new SrtpTerms(MediaSecurity.SRTP, true);
        MediaDescription offer = negotiator.offer(session, 20000, Direction.SENDRECV, must).media().get(0);
        assertEquals("RTP/SAVP", offer.proto());
        List<SdesKey> ours = offer.attributes().stream().filter(a -> a.name().equals("crypto"))
                .map(a -> SdesKey.parse(a.value())).toList();
        assertEquals(List.of(CryptoSuite.AES_CM_128_HMAC_SHA1_80, CryptoSuite.AES_CM_128_HMAC_SHA1_32),
                ours.stream().map(SdesKey::suite).toList());
        assertEquals(ours.get(0), SdesKey.parse(negotiator.offer(session, 20000, Direction.SENDRECV, must).media()
                .get(0).attribute("crypto")), "a re-offer keeps the keys");

        SdesKey phone = ours.get(1).answered();
        MediaParameters agreed = negotiator.accept(sdp("RTP/SAVP", phone), must);
        assertEquals(ours.get(1), agreed.sdes().ours());
        assertEquals(phone, agreed.sdes().theirs());
        assertThrows(SdpException.class, () -> negotiator.accept(sdp("RTP/AVP"), must), "a plain answer to SRTP only");

        SrtpTerms either = new SrtpTerms(MediaSecurity.ANY, true);
        assertEquals("RTP/AVP", negotiator.offer(session, 20000, Direction.SENDRECV, either).media().get(0).proto());
        assertNull(negotiator.accept(sdp("RTP/AVP"), either).sdes(), "best effort: a plain answer is plain RTP");
        assertNull(negotiator.offer(session, 20000, Direction.SENDRECV, new SrtpTerms(MediaSecurity.ANY, false))
                .media().get(0).attribute("crypto"), "no keys in clear signalling");
    }
}
