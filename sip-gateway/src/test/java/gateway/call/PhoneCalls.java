package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import java.time.Duration;
import javax.sip.message.Response;

/**
 * The two ends of a call as tests drive them: a caller dialling in (the ACD answers callers at
 * once) and an agent phone answering its ring, each sending audio the other can recognise.
 */
public final class PhoneCalls {
    /** Every payload byte of the caller's audio. */
    public static final byte CALLER_AUDIO = 0x11;
    /** Every payload byte of the agent's audio. */
    public static final byte AGENT_AUDIO = 0x22;

    private PhoneCalls() {
    }

    /** A caller answered by the ACD, sending its audio. */
    public record Caller(TestPhone phone, Outgoing call, RtpPeer rtp) {
    }

    /** {@code phone} dials {@code number} with media at {@code rtp}; once answered, acks and sends caller audio. */
    public static Caller dial(TestPhone phone, RtpPeer rtp, String number, Duration wait, int... payloadTypes)
            throws Exception {
        Outgoing call = phone.invite(number, rtp.sdp(payloadTypes));
        Response ok = call.awaitFinal(wait);
        assertEquals(Response.OK, ok.getStatusCode());
        call.ack();
        rtp.sendTo(new String(ok.getRawContent()), payloadTypes[0], CALLER_AUDIO);
        return new Caller(phone, call, rtp);
    }

    /** The caller hangs up (200 to its BYE) and {@code agent} gets our BYE: the call ended cleanly on both sides. */
    public static void hangUp(Caller caller, TestPhone agent) {
        assertEquals(Response.OK, caller.call().bye().awaitFinal(TestPhone.WAIT).getStatusCode());
        agent.awaitRequest("BYE", TestPhone.WAIT);
    }

    /** Rings, then answers {@code invite} from {@code rtp} (with telephone events), sending agent audio. */
    public static RtpPeer answer(Incoming invite, RtpPeer rtp, int payloadType) throws Exception {
        return answerWith(invite, rtp, payloadType, 101);
    }

    /** Rings, then answers {@code invite} offering {@code payloadTypes}, sending agent audio in the first. */
    public static RtpPeer answerWith(Incoming invite, RtpPeer rtp, int... payloadTypes) throws Exception {
        invite.ringing();
        invite.answer(rtp.sdp(payloadTypes));
        rtp.sendTo(invite.body(), payloadTypes[0], AGENT_AUDIO);
        return rtp;
    }
}
