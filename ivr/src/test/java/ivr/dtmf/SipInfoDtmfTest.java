package ivr.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SipInfoDtmfTest {

    @Test
    void dtmfRelayBodies() {
        assertEquals('5', SipInfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals('#', SipInfoDtmf.parse("Application/DTMF-Relay; charset=utf-8", "signal = #\nDuration= 250"));
        assertEquals('*', SipInfoDtmf.parse("application/dtmf-relay", "Signal=10\r\nDuration=160"));
        assertEquals('#', SipInfoDtmf.parse("application/dtmf-relay", "Signal=11\r\nDuration=160"));
        assertEquals('B', SipInfoDtmf.parse("application/dtmf-relay", "Duration=100\r\nSignal=b"));
    }

    @Test
    void plainDtmfBodies() {
        assertEquals('5', SipInfoDtmf.parse("application/dtmf", "5"));
        assertEquals('*', SipInfoDtmf.parse("application/dtmf", " *\r\n"));
        assertEquals('#', SipInfoDtmf.parse("application/dtmf", "11"));
    }

    @Test
    void rejectsWhatIsNotAKey() {
        assertEquals(0, SipInfoDtmf.parse("application/dtmf-relay", "Duration=160"));
        assertEquals(0, SipInfoDtmf.parse("application/dtmf-relay", "Signal=x"));
        assertEquals(0, SipInfoDtmf.parse("application/dtmf", "55"));
        assertEquals(0, SipInfoDtmf.parse("application/dtmf", "16"));
        assertEquals(0, SipInfoDtmf.parse("text/plain", "5"));
        assertEquals(0, SipInfoDtmf.parse("application/dtmf", null));
        assertTrue(SipInfoDtmf.isDtmf("application/dtmf-relay;x=y"));
        assertFalse(SipInfoDtmf.isDtmf("application/media_control+xml"));
        assertFalse(SipInfoDtmf.isDtmf(null));
    }
}
