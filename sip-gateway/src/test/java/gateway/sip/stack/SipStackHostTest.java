package gateway.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.testkit.Await;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import org.junit.jupiter.api.Test;

class SipStackHostTest {
    private static final SipListener IGNORE = new Ignoring();

    /** A listener that ignores every event; tests override what they watch. */
    private static class Ignoring implements SipListener {
        @Override
        public void processRequest(RequestEvent e) {
        }

        @Override
        public void processResponse(ResponseEvent e) {
        }

        @Override
        public void processTimeout(TimeoutEvent e) {
        }

        @Override
        public void processIOException(IOExceptionEvent e) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent e) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent e) {
        }
    }

    @Test
    void portZeroBindsUdpAndTcpOnOneFreePort() throws Exception {
        try (SipStackHost host = SipStackHost.start(SipStackSettings.server("host-test-a", "127.0.0.1", 0), h -> IGNORE)) {
            assertTrue(host.port() > 0);
            assertEquals(host.port(), host.listeningPoint(ListeningPoint.UDP).getPort());
            assertEquals(host.port(), host.listeningPoint(ListeningPoint.TCP).getPort());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", host.port()), 5_000);
                assertTrue(s.isConnected());
            }
        }
    }

    @Test
    void aTakenPortIsRefusedWithTheAddress() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SipException e = assertThrows(SipException.class, () -> SipStackHost.start(
                    SipStackSettings.server("host-test-b", "127.0.0.1", taken.getLocalPort()), h -> IGNORE));
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void closeEndsTheStacksEventScannerThread() throws Exception {
        long before = scanners();
        SipStackHost host = SipStackHost.start(SipStackSettings.server("host-test-c", "127.0.0.1", 0), h -> IGNORE);
        assertTrue(scanners() > before, "the stack runs its own EventScannerThread");
        host.close();
        Await.until(() -> scanners() <= before, Duration.ofSeconds(10),
                () -> "EventScannerThread left running after close: " + scanners() + " scanners, " + before + " before");
    }

    private static long scanners() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && "EventScannerThread".equals(t.getName())).count();
    }

    /** UDP receive reuses one buffer: a datagram far larger than usual still arrives whole. */
    @Test
    void largeUdpDatagramArrivesWhole() throws Exception {
        AtomicInteger bodyLength = new AtomicInteger(-1);
        SipListener recorder = new Ignoring() {
            @Override
            public void processRequest(RequestEvent e) {
                bodyLength.set(e.getRequest().getRawContent().length);
            }
        };
        try (SipStackHost host = SipStackHost.start(SipStackSettings.server("host-test-big", "127.0.0.1", 0),
                h -> recorder);
             DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String body = "x".repeat(40_000);
            for (int i = 0; i < 2; i++) { // the second one into the reused buffer
                String msg = "MESSAGE sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + udp.getLocalPort()
                        + ";branch=z9hG4bK-big" + i + "\r\nMax-Forwards: 70\r\nFrom: <sip:b@127.0.0.1>;tag=1\r\n"
                        + "To: <sip:a@127.0.0.1>\r\nCall-ID: big" + i + "@test\r\nCSeq: 1 MESSAGE\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + (body.length() - i) + "\r\n\r\n"
                        + body.substring(i);
                byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
                udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), host.port()));
                int expected = body.length() - i;
                Await.until(() -> bodyLength.get() == expected, Duration.ofSeconds(10),
                        () -> "body length " + bodyLength.get());
            }
        }
    }
}
