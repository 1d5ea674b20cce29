package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.call.PhoneCalls;
import gateway.call.RtpPeer;
import gateway.sip.registrar.PushTarget;
import gateway.testkit.FreePorts;
import gateway.testkit.PushEndpoint;
import gateway.testphone.TestPhone;
import java.nio.file.Path;
import java.time.Duration;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push section of a config file reaches the server, and a mobile app's push parameters
 * (RFC 8599) are kept with its registration across a restart: the next server wakes it without the
 * app registering again.
 */
class PushRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ServerProcesses servers = new ServerProcesses();

    @AfterEach
    void closeWhatIsLeft() throws Exception {
        servers.close();
    }

    @Test
    void aRestoredAppIsWokenThroughTheConfiguredGateway() throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint()) {
            int sipPort = FreePorts.sip();
            String yaml = TwoAgentServer.yaml(sipPort, "", "") + """
                    push: { url: "%s", token: push-token }
                    queues:
                      - { id: sales, members: [ { agent: alice } ] }
                    numbers:
                      - { number: "5000", queue: sales }
                    """.formatted(endpoint.url());
            TestPhone app = servers.keep(TestPhone.builder("1001").password("pw-1001").domain(TwoAgentServer.DOMAIN)
                    .server(sipPort).start());
            try (ServerMain first = TwoAgentServer.start(dir, yaml)) {
                assertEquals(Response.OK, app.registerContact(app.contactUri()
                        + ";pn-provider=fcm;pn-param=proj-1;pn-prid=tok-9", 300).getStatusCode());
            } // writes the registrations still queued

            try (ServerMain second = TwoAgentServer.start(dir, yaml)) {
                assertEquals(new PushTarget("fcm", "proj-1", "tok-9"),
                        second.gateway().sip().locator().contactsOf("alice").get(0).pushTarget());
                TestPhone trunk = servers.keep(TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                        .domain(TwoAgentServer.DOMAIN).server(sipPort).start());
                PhoneCalls.dial(trunk, servers.keep(new RtpPeer(TwoAgentServer.TRUNK)), "5000", WAIT, 0, 101);
                PushEndpoint.Post post = endpoint.awaitPost(WAIT);
                assertEquals("Bearer push-token", post.authorization());
                assertEquals("tok-9", post.field("prid"));
            }
        }
    }
}
