package gateway.testphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two test phones calling each other directly, so the phone itself is known to work. */
class TestPhoneTest {
    private static final String SDP_A = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 41000 RTP/AVP 0\r\n";
    private static final String SDP_B = SDP_A.replace("41000", "42000").replace("o=a", "o=b");

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void callIsRungAnsweredInformedAndHungUp(String transport) throws Exception {
        try (TestPhone b = TestPhone.builder("b").server(1).transport(transport).start();
             TestPhone a = TestPhone.builder("a").server(b.port()).transport(transport).start()) {
            Outgoing call = a.invite("b", SDP_A);
            Incoming invite = b.awaitRequest(Request.INVITE);
            assertEquals(SDP_A, invite.body());
            invite.ringing();
            assertEquals(180, call.awaitResponse(180).getStatusCode());
            invite.answer(SDP_B);
            Response ok = call.awaitFinal();
            assertEquals(200, ok.getStatusCode());
            assertEquals(SDP_B, new String(ok.getRawContent()));
            call.ack();
            b.awaitRequest(Request.ACK);
            assertEquals(200, call.info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").awaitFinal().getStatusCode());
            assertTrue(b.awaitRequest(Request.INFO).body().contains("Signal=5"));
            Outgoing reInvite = invite.reInvite(SDP_B + "a=sendonly\r\n");
            Incoming hold = a.awaitRequest(Request.INVITE);
            assertTrue(hold.body().contains("sendonly"));
            hold.answer(SDP_A);
            assertEquals(200, reInvite.awaitFinal().getStatusCode());
            reInvite.ack();
            assertEquals(200, invite.bye().awaitFinal().getStatusCode());
            assertNotNull(a.awaitRequest(Request.BYE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void cancelledCallGets487AndBusyGets486(String transport) throws Exception {
        try (TestPhone b = TestPhone.builder("b").server(1).transport(transport).start();
             TestPhone a = TestPhone.builder("a").server(b.port()).transport(transport).start()) {
            Outgoing call = a.invite("b", SDP_A);
            b.awaitRequest(Request.INVITE).ringing();
            call.awaitResponse(180);
            assertEquals(200, call.cancel().awaitFinal().getStatusCode());
            assertEquals(487, call.awaitFinal().getStatusCode());
            b.awaitRequest(Request.CANCEL);

            Outgoing busy = a.invite("b", SDP_A);
            b.awaitRequest(Request.INVITE).respond(486);
            assertEquals(486, busy.awaitFinal().getStatusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void waitsAreBoundedAndOptionsAnswered(String transport) throws Exception {
        try (TestPhone b = TestPhone.builder("b").server(1).transport(transport).start();
             TestPhone a = TestPhone.builder("a").server(b.port()).transport(transport).start()) {
            assertThrows(AssertionError.class, () -> b.awaitRequest(Request.INVITE, Duration.ofMillis(50)));
            assertEquals(200, a.options().getStatusCode());
            b.awaitRequest(Request.OPTIONS);
        }
    }
}
