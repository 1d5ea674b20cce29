package gateway.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Codec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserTest {

    static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void parsesATypicalSoftphoneOffer() throws SdpException {
        SessionDescription sdp = SdpParser.parse(crlf(
                "v=0",
                "o=- 3912341234 3912341235 IN IP4 192.168.1.20",
                "s=Talk",
                "c=IN IP4 192.168.1.20",
                "t=0 0",
                "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
                "m=audio 7078 RTP/AVP 96 0 8 101",
                "a=rtpmap:96 opus/48000/2",
                "a=fmtp:96 useinbandfec=1",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-15",
                "a=ptime:20"));
        assertEquals("3912341235", sdp.origin().sessionVersion());
        assertEquals("192.168.1.20", sdp.connection().address());
        MediaDescription audio = sdp.media().get(0);
        assertEquals(7078, audio.port());
        assertEquals(List.of("96", "0", "8", "101"), audio.formats());
        assertEquals(new RtpMap(96, "opus", 48000, "2"), audio.rtpMap(96));
        assertEquals("0-15", audio.fmtp(101));
        assertEquals(20, audio.ptime());
        assertNull(audio.direction());
        assertEquals(Direction.SENDRECV, sdp.directionOf(audio));
    }

    @Test
    void acceptsOddButLegalSdpFromRealPhones() throws SdpException {
        // LF line ends, trailing blanks, no s= and no t=, lower-case encoding names, port count,
        // only media-level c=, IPv6, session-level direction, bandwidth and unknown lines
        SessionDescription sdp = SdpParser.parse(
                "v=0\n"
                + "o=Polycom 1 1 IN IP4 10.0.0.5  \n"
                + "b=AS:64\n"
                + "a=sendonly\n"
                + "m=audio 49170/2 RTP/AVP 0 96\n"
                + "c=IN IP6 2001:db8::5\n"
                + "a=rtpmap:0 pcmu/8000\n"
                + "a=rtpmap:96 Telephone-Event/8000\n"
                + "a=X-vendor-thing\n"
                + "\n\n");
        MediaDescription audio = sdp.media().get(0);
        assertNull(sdp.connection());
        assertEquals("2001:db8::5", sdp.connectionOf(audio).address());
        assertEquals(2, audio.portCount());
        assertEquals(Direction.SENDONLY, sdp.directionOf(audio));
        assertEquals(Codec.PCMU, audio.codec(0).orElseThrow());
        assertTrue(audio.rtpMap(96).is("telephone-event", 8000));
        assertEquals("", audio.attribute("X-vendor-thing"));
    }

    @Test
    void keepsNonRtpMediaSoItCanBeRejected() throws SdpException {
        SessionDescription sdp = SdpParser.parse(crlf("v=0", "o=x 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1",
                "t=0 0", "m=audio 4000 RTP/AVP 0", "m=image 4002 udptl t38", "m=application 9 TCP/BFCP *"));
        assertEquals(3, sdp.media().size());
        assertEquals(List.of("t38"), sdp.media().get(1).formats());
    }

    @Test
    void writesWhatItParses() throws SdpException {
        String text = crlf("v=0", "o=acd 5 7 IN IP4 203.0.113.1", "s=acd", "c=IN IP4 203.0.113.1", "t=0 0",
                "m=audio 20000 RTP/AVP 0 8 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv");
        SessionDescription sdp = SdpParser.parse(text);
        assertEquals(text, SdpWriter.write(sdp));
        assertEquals(sdp, SdpParser.parse(SdpWriter.write(sdp)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not starting with v=       | o=- 1 1 IN IP4 1.2.3.4\\ns=-",
        "an unknown SDP version     | v=1\\no=- 1 1 IN IP4 1.2.3.4",
        "a line that is not x=value | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nhello world",
        "an upper-case type         | v=0\\nO=- 1 1 IN IP4 1.2.3.4",
        "an o= line short of fields | v=0\\no=- 1 IN IP4 1.2.3.4",
        "no o= line                 | v=0\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0",
        "an unknown address type    | v=0\\no=- 1 1 IN IP5 1.2.3.4",
        "a non-numeric port         | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 1.2.3.4\\nm=audio abc RTP/AVP 0",
        "a port above 65535         | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 1.2.3.4\\nm=audio 70000 RTP/AVP 0",
        "a payload type above 127   | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 200",
        "an m= line with no format  | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP",
        "media without c=           | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0",
        "a malformed rtpmap         | v=0\\no=- 1 1 IN IP4 1.2.3.4\\nc=IN IP4 1.2.3.4\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU",
        "a two v= lines             | v=0\\nv=0\\no=- 1 1 IN IP4 1.2.3.4",
    })
    void rejectsMalformedSdpWithAClearMessage(String what, String body) {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse(body.replace("\\n", "\n")));
        assertTrue(e.getMessage().length() > 10, what + ": " + e.getMessage());
    }

    @Test
    void namesTheLineOfAnError() {
        SdpException e = assertThrows(SdpException.class,
                () -> SdpParser.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4\r\n"));
        assertEquals("line 3: c= needs 3 fields (IN type address) but has 2", e.getMessage());
    }

    @Test
    void rejectsAnEmptyOrHugeBody() {
        assertThrows(SdpException.class, () -> SdpParser.parse(""));
        assertThrows(SdpException.class, () -> SdpParser.parse(null));
        assertThrows(SdpException.class, () -> SdpParser.parse("v=0\r\n" + "a=x\r\n".repeat(5000)));
    }
}
