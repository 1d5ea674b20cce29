package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.testkit.Await;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.menu.Destination;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.sip.DialogState;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * A phone behind NAT whose TCP connection is gone is not sought at the address in its Via. The
 * phone calls in over TCP claiming 127.0.0.3 in Via and Contact (a loopback address standing in
 * for its private one, with a listener there to catch a connection), gets the 200 and goes away
 * without an ACK: the server's next send on the connection fails and ends the dialog, where
 * Jain-SIP alone would have connected to the Via.
 */
class NatConnectionTest {
    private static final String VIA_HOST = "127.0.0.3";

    @Test
    void aLostConnectionFromBehindNatIsNotRetriedAtTheVia() throws Exception {
        try (CallRig rig = CallRig.builder()
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))))
                .number("5000", Destination.queue("sales"))
                .agent("alice", "1001")
                .start();
             ServerSocket via = new ServerSocket(0, 5, InetAddress.getByName(VIA_HOST))) {
            TestPhone phone = TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                    .transport("TCP").server(rig.sipPort()).start();
            phone.advertise(VIA_HOST, via.getLocalPort());
            Outgoing call = phone.invite("5000", rig.rtp("127.0.0.1").sdp(0));
            assertEquals(Response.OK, call.awaitFinal(CallRig.WAIT).getStatusCode());
            phone.close(); // no ACK, and the connection closes

            boolean[] soughtAtVia = {false};
            Await.until(() -> (soughtAtVia[0] = accepted(via)) || dialogEnded(rig, call.callId()), CallRig.WAIT,
                    () -> "the server neither gave the dialog up nor connected to the Via");
            assertFalse(soughtAtVia[0], "the server connected to the phone's Via address");
        }
    }

    /** Whether someone connected to {@code socket} (waits a millisecond). */
    private static boolean accepted(ServerSocket socket) throws IOException {
        socket.setSoTimeout(1);
        try (Socket s = socket.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean dialogEnded(CallRig rig, String callId) {
        return rig.gateway.sip().host().dialogs().stream()
                .noneMatch(d -> d.getCallId().getCallId().equals(callId) && d.getState() != DialogState.TERMINATED);
    }
}
