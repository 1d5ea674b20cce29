package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.sip.tcp.TcpConnections;
import gateway.sip.tcp.TcpLimits;
import gateway.testkit.Await;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.testkit.ExpectedLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIP over TCP within bounds, on loopback: idle connections cost no thread each and close after the
 * idle timeout, a phone's registered connection outlives it, and a connection over a cap is refused.
 */
class TcpConnectionLimitsTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final int IDLE_CONNECTIONS = 500;
    private static final int BATCH = 25;
    /** Threads the server may add however many connections are open: the selector and delivery pool. */
    private static final int THREAD_ALLOWANCE = 20;

    @Test
    void fiveHundredIdleConnectionsCostNoThreadEachAndCloseAfterTheIdleTimeout() throws Exception {
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder()
                .tcp(new TcpLimits(Duration.ofSeconds(3), 2000, IDLE_CONNECTIONS)))) {
            TcpConnections tcp = rig.gateway.sip().host().tcp();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int baseline = threads.getThreadCount();
            List<Socket> sockets = new ArrayList<>();
            try {
                while (sockets.size() < IDLE_CONNECTIONS) {
                    sockets.add(connect(rig.sipPort()));
                    int opened = sockets.size();
                    if (opened % BATCH == 0) {
                        // in batches, or the accept queue (50) overflows and a dropped SYN costs the client seconds
                        Await.until(() -> tcp.open() == opened, WAIT, () -> tcp.open() + " of " + opened + " open");
                    }
                }
                int withConnections = threads.getThreadCount();
                assertTrue(withConnections <= baseline + THREAD_ALLOWANCE,
                        withConnections + " threads with " + IDLE_CONNECTIONS + " connections, " + baseline + " before");
                for (Socket s : sockets) {
                    assertEquals(-1, s.getInputStream().read(), "the server closes an idle connection");
                }
                Await.until(() -> tcp.open() == 0, WAIT, () -> tcp.open() + " connections open");
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aPhoneRegisteredOverTcpKeepsItsConnectionPastTheIdleTimeoutAndIsRungOverIt() throws Exception {
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tcp(new TcpLimits(Duration.ofSeconds(1), 2000, 50)));
             TestPhone natted = RegistrationReachTest.phone(rig, "TCP")) {
            // behind NAT: the server can reach it only over the connection its REGISTER came on
            natted.advertise(RegistrationReachTest.PRIVATE, 5099);
            assertEquals(200, natted.register(300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            // opened after the REGISTER's answer, so the sweep that closes it found the phone's connection idle longer
            try (Socket idle = connect(rig.sipPort())) {
                assertEquals(-1, idle.getInputStream().read(), "the server closes an idle connection");
            }

            Caller caller = RegistrationReachTest.dial(rig);
            Incoming invite = natted.awaitRequest("INVITE", WAIT);
            RegistrationReachTest.hangUpWhileRinging(rig, caller, natted, invite);
        }
    }

    @ParameterizedTest
    @CsvSource({"2000, maxPerSource=3", "3, maxConnections=3"})
    void aConnectionOverACapIsClosedAtOnceAndReportedOnce(int maxConnections, String limit) throws Exception {
        int cap = 3;
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder()
                .tcp(new TcpLimits(Duration.ofMinutes(2), maxConnections, cap)));
             ExpectedLog log = ExpectedLog.of(TcpConnections.class)) {
            TcpConnections tcp = rig.gateway.sip().host().tcp();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < cap; i++) {
                    sockets.add(connect(rig.sipPort()));
                }
                Await.until(() -> tcp.open() == cap, WAIT, () -> tcp.open() + " connections open");
                for (int i = 0; i < 2; i++) {
                    try (Socket over = connect(rig.sipPort())) {
                        assertEquals(-1, over.getInputStream().read(), "a connection over the cap is closed");
                    }
                }
                assertEquals(cap, tcp.open(), "the connections within the cap stay");
                assertEquals(1, log.warnings().size(), "one report per source and interval: " + log.warnings());
                assertTrue(log.warned("127.0.0.1 refused: " + limit), log.warnings().toString());
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /** A raw connection that sends nothing; reads give up after {@link #WAIT}. */
    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }
}
