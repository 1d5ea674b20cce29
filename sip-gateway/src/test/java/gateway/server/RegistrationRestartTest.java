package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.call.PhoneCalls;
import gateway.call.PhoneCalls.Caller;
import gateway.call.RtpPeer;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registrations outlive the server: agents whose phones registered before a stop, or before a
 * SIGKILL, are rung by the next server on the same storage without their phones registering
 * again; a binding that lapsed while the server was down is not restored.
 */
class RegistrationRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ServerProcesses servers = new ServerProcesses();

    @AfterEach
    void closeWhatIsLeft() throws Exception {
        servers.close();
    }

    /** Both agents in one ring-all queue on number 5000. */
    private static String config(int sipPort, String database) throws Exception {
        return TwoAgentServer.yaml(sipPort, "", database == null ? "" : ", database: \"" + database + "\"") + """
                queues:
                  - { id: sales, strategy: ring-all, members: [ { agent: alice }, { agent: bob } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """;
    }

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void agentsRegisteredBeforeAStopAreRungAfterItAndALapsedBindingIsNot(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            int sipPort = FreePorts.sip();
            String yaml = config(sipPort, db.url());
            String jdbcUrl = db.url() != null ? db.url() : "jdbc:sqlite:" + dir.resolve("data").resolve("acd.db");
            ServerMain first = TwoAgentServer.start(dir, yaml);
            TestPhone alice = agent("1001", sipPort);
            TestPhone bob = agent("1002", sipPort);
            first.close(); // writes the registrations still queued

            assertEquals(1, rows(jdbcUrl, "bob"));
            update(jdbcUrl, "UPDATE registrations SET expires_ms = " + (System.currentTimeMillis() - 1)
                    + " WHERE agent_id = 'bob'"); // bob's phone let its registration lapse while the server was down
            try (ServerMain second = TwoAgentServer.start(dir, yaml)) {
                assertEquals(alice.contactUri(), second.gateway().sip().locator().contactsOf("alice").get(0).contact());
                assertEquals(List.of(), second.gateway().sip().locator().contactsOf("bob"), "a lapsed binding is not restored");
                assertEquals(0, rows(jdbcUrl, "bob"));

                talk(sipPort, alice);
                assertEquals(List.of(), bob.pendingRequests("INVITE"), "bob is not rung");
            }
        }
    }

    @Test
    void agentsRegisteredBeforeAKillNineAreRungAfterTheRestart() throws Exception {
        int sipPort = FreePorts.sip();
        Path config = Files.writeString(dir.resolve("acd.yaml"), config(sipPort, null));
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("data").resolve("acd.db");
        Process first = servers.run(config, dir.resolve("first.log"));
        TestPhone alice = agent("1001", sipPort);
        TestPhone bob = agent("1002", sipPort);
        // the write-behind window: killed before it passed, a registration is lost
        Await.until(() -> rows(jdbcUrl, "alice") == 1 && rows(jdbcUrl, "bob") == 1, WAIT,
                () -> "the registrations never reached the database");
        ServerProcesses.kill(first);

        Process second = servers.run(config, dir.resolve("second.log"));
        Caller caller = dial(sipPort);
        Incoming toAlice = alice.awaitRequest("INVITE", WAIT);
        Incoming toBob = bob.awaitRequest("INVITE", WAIT);
        RtpPeer agent = PhoneCalls.answer(toBob, rtp(), 0);
        alice.awaitRequest("CANCEL", WAIT);
        bridgedThenHungUp(caller, agent, bob);
        assertEquals(Response.REQUEST_TERMINATED, toAlice.finalStatus());
        ServerProcesses.stop(second);
        ServerProcesses.assertQuiet(dir.resolve("first.log"), dir.resolve("second.log"));
    }

    private void talk(int sipPort, TestPhone agentPhone) throws Exception {
        Caller caller = dial(sipPort);
        RtpPeer agent = PhoneCalls.answer(agentPhone.awaitRequest("INVITE", WAIT), rtp(), 0);
        bridgedThenHungUp(caller, agent, agentPhone);
    }

    private static void bridgedThenHungUp(Caller caller, RtpPeer agent, TestPhone agentPhone) throws Exception {
        agent.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        agentPhone.awaitRequest("BYE", WAIT);
    }

    private Caller dial(int sipPort) throws Exception {
        TestPhone trunk = servers.keep(TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                .domain(TwoAgentServer.DOMAIN).server(sipPort).start());
        RtpPeer rtp = servers.keep(new RtpPeer(TwoAgentServer.TRUNK));
        return PhoneCalls.dial(trunk, rtp, "5000", WAIT, 0, 101);
    }

    private RtpPeer rtp() throws Exception {
        return servers.keep(new RtpPeer("127.0.0.1"));
    }

    private TestPhone agent(String extension, int sipPort) throws Exception {
        TestPhone phone = servers.keep(TestPhone.builder(extension).password("pw-" + extension).domain(TwoAgentServer.DOMAIN)
                .server(sipPort).start());
        assertEquals(Response.OK, phone.register(300).getStatusCode(), "agent " + extension + " registers");
        return phone;
    }

    private static long rows(String url, String agentId) throws Exception {
        return ServerProcesses.count(url, "SELECT COUNT(*) FROM registrations WHERE agent_id = ?", agentId);
    }

    private static void update(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
