package gateway.sdp;

import static gateway.sdp.SdpParserTest.crlf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {
    private final SdpNegotiator negotiator = SdpNegotiator.defaults();
    private final LocalSession session = new LocalSession("203.0.113.1");

    private static SessionDescription offer(String media, String... attributes) throws SdpException {
        String head = crlf("v=0", "o=phone 10 10 IN IP4 192.0.2.7", "s=-", "c=IN IP4 192.0.2.7", "t=0 0", media);
        return SdpParser.parse(head + (attributes.length == 0 ? "" : crlf(attributes)));
    }

    private Negotiation answer(SessionDescription offer) throws SdpException {
        return negotiator.answer(offer, session, 20000, Direction.SENDRECV);
    }

    @Test
    void picksOurPreferredCodecAndKeepsTheOfferedEventPayloadType() throws SdpException {
        Negotiation n = answer(offer("m=audio 5004 RTP/AVP 8 0 96",
                "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-15"));
        MediaParameters m = n.media();
        assertEquals(Codec.PCMU, m.codec());
        assertEquals(96, m.sendEventPt());
        assertEquals(96, m.receiveEventPt());
        assertEquals(new InetSocketAddress("192.0.2.7", 5004), m.remote());
        assertEquals(20, m.ptimeMs());
        assertTrue(m.peerReceives());
        assertTrue(m.flowing());

        MediaDescription a = n.answer().media().get(0);
        assertEquals(20000, a.port());
        assertEquals(List.of("0", "96"), a.formats());
        assertTrue(a.rtpMap(96).is("telephone-event", 8000));
        assertEquals("0-16", a.fmtp(96));
        assertEquals(Direction.SENDRECV, a.direction());
        assertEquals("203.0.113.1", n.answer().connection().address());
    }

    @Test
    void handlesAWideOfferFromAModernSoftphone() throws SdpException {
        // opus first, telephone-event at two rates, AVPF, an origin wider than a long
        SessionDescription offer = SdpParser.parse(crlf("v=0",
                "o=- 18446744073709551617 18446744073709551618 IN IP4 192.0.2.9", "s=-", "c=IN IP4 192.0.2.9",
                "t=0 0", "m=audio 40000 RTP/AVPF 111 9 8 0 110 101",
                "a=rtpmap:111 opus/48000/2", "a=rtpmap:9 G722/8000", "a=rtpmap:110 telephone-event/48000",
                "a=rtpmap:101 telephone-event/8000", "a=rtcp-mux", "a=ptime:20 "));
        Negotiation n = answer(offer);
        assertEquals(Codec.PCMU, n.media().codec());
        assertEquals(101, n.media().sendEventPt());
        assertEquals("RTP/AVPF", n.answer().media().get(0).proto());
        assertEquals(List.of("0", "101"), n.answer().media().get(0).formats());
    }

    @Test
    void takesPcmaWhenThatIsAllThatIsOfferedAndWorksWithoutTelephoneEvent() throws SdpException {
        MediaParameters m = answer(offer("m=audio 5004 RTP/AVP 18 8", "a=ptime:30")).media();
        assertEquals(Codec.PCMA, m.codec());
        assertEquals(-1, m.sendEventPt());
        assertEquals(30, m.ptimeMs());
    }

    @Test
    void rejectsEveryOtherStreamWithPortZero() throws SdpException {
        SessionDescription answer = answer(offer("m=audio 5004 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:x",
                "m=video 5006 RTP/AVP 97", "m=audio 5008 RTP/AVP 0", "m=audio 5010 RTP/AVP 8")).answer();
        assertEquals(List.of(0, 0, 20000, 0), answer.media().stream().map(MediaDescription::port).toList());
        assertEquals(List.of("97"), answer.media().get(1).formats());
    }

    @Test
    void noCommonCodecIsAnSdpException() throws SdpException {
        SessionDescription offer = offer("m=audio 5004 RTP/AVP 18 9", "a=rtpmap:18 G729/8000");
        SdpException e = assertThrows(SdpException.class, () -> answer(offer));
        assertTrue(e.getMessage().startsWith("no acceptable audio stream"), e.getMessage());
    }

    @Test
    void aHostNameIsNotResolved() throws SdpException {
        SessionDescription offer = SdpParser.parse(crlf("v=0", "o=p 1 1 IN IP4 phone.example.com", "s=-",
                "c=IN IP4 phone.example.com", "t=0 0", "m=audio 5004 RTP/AVP 0"));
        assertThrows(SdpException.class, () -> answer(offer));
    }

    @Test
    void holdBySendonlyIsAnsweredRecvonly() throws SdpException {
        Negotiation n = answer(offer("m=audio 5004 RTP/AVP 0", "a=sendonly"));
        assertEquals(Direction.RECVONLY, n.answer().media().get(0).direction());
        assertTrue(n.media().onHold());
        assertFalse(n.media().flowing());
    }

    @Test
    void holdByZeroAddressIsAnsweredRecvonlyAndHasNoRemote() throws SdpException {
        SessionDescription offer = SdpParser.parse(crlf("v=0", "o=p 1 2 IN IP4 192.0.2.7", "s=-",
                "c=IN IP4 0.0.0.0", "t=0 0", "m=audio 5004 RTP/AVP 0"));
        Negotiation n = answer(offer);
        assertNull(n.media().remote());
        assertTrue(n.media().onHold());
        assertEquals(Direction.RECVONLY, n.answer().media().get(0).direction());
    }

    @Test
    void inactiveIsAnsweredInactive() throws SdpException {
        Negotiation n = answer(offer("m=audio 5004 RTP/AVP 0", "a=inactive"));
        assertEquals(Direction.INACTIVE, n.answer().media().get(0).direction());
        assertFalse(n.media().flowing());
    }

    @Test
    void holdingThePeerOurselvesAnswersSendonly() throws SdpException {
        Negotiation n = negotiator.answer(offer("m=audio 5004 RTP/AVP 0"), session, 20000, Direction.SENDONLY);
        assertEquals(Direction.SENDONLY, n.answer().media().get(0).direction());
    }

    @Test
    void versionGoesUpOnlyWhenTheDescriptionChanges() throws SdpException {
        SessionDescription first = negotiator.offer(session, 20000, Direction.SENDRECV);
        SessionDescription same = negotiator.offer(session, 20000, Direction.SENDRECV);
        SessionDescription hold = negotiator.offer(session, 20000, Direction.SENDONLY);
        SessionDescription unhold = negotiator.offer(session, 20000, Direction.SENDRECV);
        long v = Long.parseLong(first.origin().sessionVersion());
        assertEquals(v, Long.parseLong(same.origin().sessionVersion()));
        assertEquals(v + 1, Long.parseLong(hold.origin().sessionVersion()));
        assertEquals(v + 2, Long.parseLong(unhold.origin().sessionVersion()));
        assertEquals(first.origin().sessionId(), unhold.origin().sessionId());
        assertEquals(Direction.SENDONLY, hold.media().get(0).direction());
    }

    @Test
    void ourOfferListsBothLawsAndTelephoneEvent() throws SdpException {
        SessionDescription offer = SdpParser.parse(negotiator.offer(session, 20002, Direction.SENDRECV).toString());
        MediaDescription m = offer.media().get(0);
        assertEquals(List.of("0", "8", "101"), m.formats());
        assertEquals("0-16", m.fmtp(101));
        assertEquals(20, m.ptime());
        assertEquals(20002, m.port());
    }

    @Test
    void acceptsAnAnswerWithItsOwnEventPayloadType() throws SdpException {
        negotiator.offer(session, 20000, Direction.SENDRECV);
        SessionDescription answer = offer("m=audio 6000 RTP/AVP 8 100", "a=rtpmap:100 telephone-event/8000");
        MediaParameters m = negotiator.accept(answer);
        assertEquals(Codec.PCMA, m.codec());
        assertEquals(100, m.sendEventPt());
        assertEquals(101, m.receiveEventPt());
        assertEquals(6000, m.remote().getPort());
    }

    @Test
    void anAnswerWithNoneOfOurCodecsIsRefused() throws SdpException {
        SessionDescription answer = offer("m=audio 6000 RTP/AVP 18");
        assertThrows(SdpException.class, () -> negotiator.accept(answer));
        SessionDescription rejected = offer("m=audio 0 RTP/AVP 0");
        assertThrows(SdpException.class, () -> negotiator.accept(rejected));
    }
}
