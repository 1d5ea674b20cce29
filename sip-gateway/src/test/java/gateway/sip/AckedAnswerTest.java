package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.sip.admission.TrunkSources;
import gateway.sip.registrar.RegistrarSettings;
import gateway.testphone.TestPhone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Jain-SIP RI sends a 2xx before it starts the timer that retransmits it; an ACK the stack takes
 * in between used to be forgotten, and the ACKed 200 OK came again from T1 on (2-16 % of calls
 * under load). Here the race is certain: the thread sending the 200 is held just after the
 * datagram left until the stack has handed the caller's ACK to us.
 */
class AckedAnswerTest {
    private static final Pattern TO = Pattern.compile("(?m)^To: ([^\r\n]*)");
    private static final Pattern CALL_ID = Pattern.compile("(?m)^Call-ID: ([^\r\n]*)");

    @Test
    void anAckTakenBeforeTheRetransmitTimerStartsStillStopsIt() throws Exception {
        ScriptedInviteHandler handler = new ScriptedInviteHandler();
        try (SipServerFixture gw = new SipServerFixture(handler, TrunkSources.of(Map.of("trunk", List.of("127.0.0.1/32"))),
                RegistrarSettings.standard(), SipServerFixture.lenientLimiter(), 1_000_000);
             RawSipClient caller = new RawSipClient(gw.port());
             HeldSend hold = new HeldSend(text -> isOk(text, "acked-1"))) {
            handler.host = gw.server.host();
            gw.dispatched = callId -> {
                if ("acked-1".equals(callId) && hold.held()) {
                    hold.release(); // the stack has taken the ACK
                }
            };
            caller.sendUdp(SipFuzz.invite(caller.udpPort(), "acked-1", "answer"));
            caller.sendUdp(ack(caller.udpPort(), awaitOk(caller, "acked-1")));
            // our ACK handling runs on the call's executor, behind the send that is held
            assertEquals("ACK", handler.awaitInDialog());
            assertTrue(hold.held(), "the 200 OK's sender was held while the ACK came");

            // The window: a later call left unACKed gets its 200 OK again at T1, after the first
            // call's would have come (its timer started earlier).
            caller.sendUdp(SipFuzz.invite(caller.udpPort(), "unacked-2", "answer"));
            awaitOk(caller, "unacked-2");
            assertTrue(caller.awaitUdp(text -> isOk(text, "unacked-2"), TestPhone.WAIT).isPresent(),
                    "the unACKed 200 OK is retransmitted");
            assertTrue(caller.seen().stream().noneMatch(text -> isOk(text, "acked-1")),
                    "the ACKed 200 OK came again: " + caller.seen());
        }
    }

    private static boolean isOk(String text, String callId) {
        return text.contains("SIP/2.0 200 OK") && text.contains("Call-ID: " + callId + "\r\n")
                && text.contains("CSeq: 1 INVITE");
    }

    private static String awaitOk(RawSipClient caller, String callId) throws IOException {
        return caller.awaitUdp(text -> isOk(text, callId), TestPhone.WAIT)
                .orElseThrow(() -> new AssertionError("no 200 OK for " + callId));
    }

    /** The ACK to {@code ok}: its To tag, a branch of its own. */
    private static byte[] ack(int replyPort, String ok) {
        Matcher to = TO.matcher(ok);
        assertTrue(to.find(), "To in " + ok);
        Matcher callId = CALL_ID.matcher(ok);
        assertTrue(callId.find());
        return ("ACK sip:gw@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + replyPort + ";branch=z9hG4bKack" + callId.group(1) + "\r\n"
                + "Max-Forwards: 70\r\nTo: " + to.group(1) + "\r\nFrom: <sip:caller@127.0.0.1>;tag=i1\r\n"
                + "Call-ID: " + callId.group(1) + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
