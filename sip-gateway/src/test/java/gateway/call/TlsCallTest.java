package gateway.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.CallOutcome;
import acd.event.AcdEvent;
import gateway.call.CallRig.AgentIs;
import gateway.call.PhoneCalls.Caller;
import gateway.sip.registrar.Binding;
import gateway.sip.tcp.TcpConnections;
import gateway.sip.tcp.TcpLimits;
import gateway.testkit.Await;
import gateway.testkit.TestCertificates;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.sip.address.SipURI;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * SIP over TLS on loopback with a certificate made at test time: a phone registers over TLS, is
 * rung over the connection it registered on (never over one the server opens), answers and talks;
 * that connection outlives the idle timeout other TLS connections get; a double-CRLF ping is
 * answered; only TLS 1.2 and 1.3 are spoken; and a renewed certificate is served to new
 * connections without a restart.
 */
class TlsCallTest {
    private static final Duration WAIT = CallRig.WAIT;

    @Test
    void aPhoneRegisteredOverTlsIsRungOverItsConnectionAnswersAndTalks() throws Exception {
        TestCertificates.Pem cert = TestCertificates.create();
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tls(cert.certificate(), cert.key())
                .tcp(new TcpLimits(Duration.ofSeconds(1), 2000, 50)));
             TestPhone phone = TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                     .tls(cert.trustingContext()).server(rig.tlsPort()).start()) {
            assertEquals(200, phone.register(300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);
            Binding b = rig.gateway.sip().locator().contactsOf("alice").get(0);
            assertEquals("TLS", b.transport());
            assertNotEquals(phone.port(), b.source().getPort(), "the connection's port, not the phone's listening one");
            // another TLS connection, idle: closed after the idle timeout, as a TCP one would be
            try (SSLSocket idle = connect(cert.trustingContext(), rig.tlsPort())) {
                idle.startHandshake();
                assertEquals(-1, idle.getInputStream().read(), "the server closes an idle TLS connection");
            }

            Caller caller = RegistrationReachTest.dial(rig);
            Incoming invite = phone.awaitRequest("INVITE", WAIT);
            SipURI target = (SipURI) invite.request().getRequestURI();
            assertEquals(b.source().getPort(), target.getPort());
            assertEquals("tls", target.getTransportParam().toLowerCase(Locale.ROOT));
            assertEquals(rig.tlsPort(), ((SIPMessage) invite.request()).getRemotePort(),
                    "came over the phone's own connection to our TLS port, not one we opened");
            RtpPeer agentRtp = PhoneCalls.answer(invite, rig.rtp("127.0.0.1"), 0);
            phone.awaitRequest("ACK", WAIT);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
            phone.awaitRequest("BYE", WAIT);
            assertEquals(CallOutcome.COMPLETED, rig.awaitEvent(AcdEvent.CallEnded.class, e -> true).outcome());
        }
    }

    @Test
    void aSipsContactIsRungOverTheConnectionItRegisteredOn() throws Exception {
        TestCertificates.Pem cert = TestCertificates.create();
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tls(cert.certificate(), cert.key()));
             TestPhone phone = TestPhone.builder("1001").password(CallRig.password("1001")).domain(CallRig.DOMAIN)
                     .tls(cert.trustingContext()).server(rig.tlsPort()).start()) {
            assertEquals(200, phone.registerContact("sips:1001@127.0.0.1:" + phone.port(), 300).getStatusCode());
            rig.awaitAgent("alice", AgentIs.AVAILABLE);

            Caller caller = RegistrationReachTest.dial(rig);
            Incoming invite = phone.awaitRequest("INVITE", WAIT);
            SipURI target = (SipURI) invite.request().getRequestURI();
            assertTrue(target.isSecure(), "still sips: " + target);
            assertEquals(rig.tlsPort(), ((SIPMessage) invite.request()).getRemotePort(), "over the phone's connection");
            RegistrationReachTest.hangUpWhileRinging(rig, caller, phone, invite);
        }
    }

    @Test
    void aDoubleCrlfPingIsAnsweredOverTls() throws Exception {
        TestCertificates.Pem cert = TestCertificates.create();
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tls(cert.certificate(), cert.key()));
             SSLSocket socket = connect(cert.trustingContext(), rig.tlsPort())) {
            socket.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            assertArrayEquals(new byte[] {'\r', '\n'}, in.readNBytes(2), "the pong (RFC 5626 4.4.1)");
            assertTrue(socket.getSession().getProtocol().matches("TLSv1\\.[23]"), socket.getSession().getProtocol());
            TcpConnections connections = rig.gateway.sip().host().tcp();
            assertEquals(1, connections.open(), "a TLS connection counts with the TCP ones");
        }
    }

    @Test
    void tlsOlderThan12IsRefused() throws Exception {
        TestCertificates.Pem cert = TestCertificates.create();
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tls(cert.certificate(), cert.key()));
             SSLSocket old = connect(cert.trustingContext(), rig.tlsPort())) {
            old.setEnabledProtocols(new String[] {"TLSv1.1"});
            assertThrows(SSLException.class, old::startHandshake);
        }
    }

    @Test
    void aRenewedCertificateIsServedToNewConnections() throws Exception {
        TestCertificates.Pem first = TestCertificates.create();
        try (CallRig rig = RegistrationReachTest.rig(CallRig.builder().tls(first.certificate(), first.key()))) {
            assertEquals(first.x509(), served(first.trustingContext(), rig.tlsPort()));
            TestCertificates.Pem renewed = TestCertificates.write(first.certificate(), first.key());
            var certificate = rig.gateway.tlsCertificate().orElseThrow();
            // the watcher finds the change within seconds; asking now only saves the wait
            certificate.reloadIfChanged();
            Await.until(() -> renewed.x509().equals(served(renewed.trustingContext(), rig.tlsPort())), WAIT,
                    () -> "the renewed certificate is not served");
        }
    }

    private static X509Certificate served(SSLContext trusting, int port) {
        try (SSLSocket s = connect(trusting, port)) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            return null; // not trusted (yet): the old certificate
        }
    }

    private static SSLSocket connect(SSLContext context, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }
}
