package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.agent.AgentStatus;
import acd.engine.AgentView;
import gateway.call.PhoneCalls;
import gateway.call.RtpPeer;
import gateway.testkit.FreePorts;
import gateway.testphone.TestPhone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's day outlives a restart: the next server reads from the records the calls each agent
 * answered today (fewest-calls ringing and the page's "answered today" go on from there) and who
 * was paused or logged out (they are not offered calls because the server restarted).
 */
class AgentDayRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ServerProcesses servers = new ServerProcesses();

    @AfterEach
    void closeWhatIsLeft() throws Exception {
        servers.close();
    }

    @Test
    void theNextServerStartsFromTheCallsAnsweredEarlierToday() throws Exception {
        LocalDate day = LocalDate.now();
        int sipPort = FreePorts.sip();
        String yaml = TwoAgentServer.yaml(sipPort, "", "") + """
                queues:
                  - { id: sales, strategy: fewest-calls, members: [ { agent: alice }, { agent: bob } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """;
        TestPhone alice = servers.keep(TestPhone.builder("1001").password("pw-1001").domain(TwoAgentServer.DOMAIN)
                .server(sipPort).start());
        TestPhone trunk = servers.keep(TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                .domain(TwoAgentServer.DOMAIN).server(sipPort).start());
        try (ServerMain first = TwoAgentServer.start(dir, yaml)) {
            assertEquals(Response.OK, alice.register(300).getStatusCode());
            for (int i = 0; i < 2; i++) {
                PhoneCalls.Caller caller = PhoneCalls.dial(trunk, servers.keep(new RtpPeer(TwoAgentServer.TRUNK)),
                        "5000", WAIT, 0, 101);
                RtpPeer agent = PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT),
                        servers.keep(new RtpPeer("127.0.0.1")), 0);
                agent.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT); // bridged both ways before the caller hangs up
                caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
                PhoneCalls.hangUp(caller, alice);
            }
            assertEquals(2, answeredToday(first, "alice"));
        } // closing writes the records still queued

        try (ServerMain second = TwoAgentServer.start(dir, yaml)) {
            Assumptions.assumeTrue(day.equals(LocalDate.now()), "midnight passed during the test: a new day counts from 0");
            assertEquals(2, answeredToday(second, "alice"), "alice's two calls, from the records");
            assertEquals(0, answeredToday(second, "bob"));
        }
    }

    @Test
    void aPausedAgentStaysPausedAndALoggedOutOneStaysOut() throws Exception {
        int sipPort = FreePorts.sip();
        String yaml = TwoAgentServer.yaml(sipPort, "", "") + """
                queues:
                  - { id: sales, members: [ { agent: alice }, { agent: bob } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """;
        try (ServerMain first = TwoAgentServer.start(dir, yaml)) {
            first.gateway().acd().pause("alice", "lunch");
            first.gateway().acd().logout("bob");
            assertEquals(AgentStatus.LOGGED_OUT, agent(first, "bob").status());
        } // closing writes the records still queued

        try (ServerMain second = TwoAgentServer.start(dir, yaml)) {
            AgentView alice = agent(second, "alice");
            assertEquals(AgentStatus.PAUSED, alice.status(), "alice was at lunch when the server stopped");
            assertEquals("lunch", alice.pauseReason());
            assertEquals(AgentStatus.LOGGED_OUT, agent(second, "bob").status(), "bob had logged out");
            second.gateway().acd().unpause("alice");
            assertEquals(AgentStatus.AVAILABLE, agent(second, "alice").status());
        }
        try (ServerMain third = TwoAgentServer.start(dir, yaml)) {
            assertEquals(AgentStatus.AVAILABLE, agent(third, "alice").status(), "back from lunch before the restart");
        }
    }

    private static int answeredToday(ServerMain server, String agent) throws Exception {
        return agent(server, agent).answeredToday();
    }

    private static AgentView agent(ServerMain server, String agent) throws Exception {
        return server.gateway().acd().agent(agent).get(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
    }
}
