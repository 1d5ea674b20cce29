package gateway.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The RFC 8599 parameters of a registered Contact URI. */
class PushTargetTest {
    @Test
    void theThreeParametersUnescaped() {
        PushTarget t = PushTarget.of("sip:1001@10.0.0.7:5060;transport=tcp;PN-Provider=apns"
                + ";pn-param=ABCD1234.com.example.voip;pn-prid=00fc13%3Aremote%26voip");
        assertEquals(new PushTarget("apns", "ABCD1234.com.example.voip", "00fc13:remote&voip"), t);
    }

    @Test
    void theParamMayBeLeftOutButNotTheProviderNorThePrid() {
        assertEquals(new PushTarget("webpush", null, "abc"), PushTarget.of("sip:1001@h;pn-provider=webpush;pn-prid=abc"));
        assertNull(PushTarget.of("sip:1001@h;pn-prid=abc"));
        assertNull(PushTarget.of("sip:1001@h;pn-provider=fcm;pn-prid="));
        assertNull(PushTarget.of("sip:1001@h:5060"));
        assertNull(PushTarget.of("sip:1001@h?pn-provider=fcm&pn-prid=abc"), "URI headers are not parameters");
    }

    @Test
    void aLogLineNeverShowsThePrid() {
        assertFalse(new PushTarget("fcm", "p", "secret-device-token").toString().contains("secret"));
    }
}
