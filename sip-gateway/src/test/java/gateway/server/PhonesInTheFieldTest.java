package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestChallenge;
import gateway.sip.registrar.Binding;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.TestPhone;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server started from YAML without {@code sip.digest}, as the shipped config now is: phones
 * that know only MD5 (the test phone told so, and SIPp 3.6.1 with the shipped agent scenario)
 * register; bob asks for SHA-256 first and to be reached where his REGISTERs come from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhonesInTheFieldTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SIPP_SCENARIO = Path.of("..", "scripts", "sipp", "agent-register.xml");

    private Path dir;
    private ServerMain server;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        String yaml = TwoAgentServer.yaml(FreePorts.sip(), "", "")
                .replace("password: pw-1002 }", "password: pw-1002, digest: [SHA-256, MD5], nat: always }");
        assertFalse(yaml.lines().findFirst().orElseThrow().contains("digest"), "sip.digest left unset");
        server = TwoAgentServer.start(dir, yaml);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TestPhone phone(String extension, String transport) throws Exception {
        return TestPhone.builder(extension).password("pw-" + extension).domain(TwoAgentServer.DOMAIN)
                .transport(transport).server(server.gateway().sipPort()).start();
    }

    /** The agent's binding whose Contact is {@code contact} (SIPp's stay registered beside the test phones'). */
    private Binding binding(String agentId, String contact) throws Exception {
        return Await.value(() -> server.gateway().sip().locator().contactsOf(agentId).stream()
                .filter(b -> b.contact().equalsIgnoreCase(contact)).findFirst().orElse(null), WAIT,
                () -> agentId + " has no binding for " + contact);
    }

    private static List<DigestAlgorithm> offered(TestPhone phone) {
        return algorithms(phone.sendRegister(300).awaitResponse(401));
    }

    private static List<DigestAlgorithm> algorithms(Response challenge) {
        return DigestChallenge.of(challenge).stream().map(DigestChallenge::algorithm).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anUnsetDigestOffersMd5AloneAndAnMd5PhoneRegisters(String transport) throws Exception {
        try (TestPhone alice = phone("1001", transport)) {
            assertEquals(List.of(DigestAlgorithm.MD5), offered(alice));
            alice.digest().prefer(DigestAlgorithm.MD5);
            assertEquals(200, alice.register(300).getStatusCode());
            assertEquals(alice.contactUri(), binding("alice", alice.contactUri()).reachUri(), "not behind NAT: its Contact");
            assertEquals(200, alice.unregister().getStatusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void anAgentsOwnDigestAndNatAreHonoured(String transport) throws Exception {
        try (TestPhone bob = phone("1002", transport)) {
            assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), offered(bob));
            Response toHisCall = bob.invite("5000", null).awaitResponse(401);
            assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), algorithms(toHisCall),
                    "his own calls are challenged by their From user");
            assertEquals(200, bob.register(300).getStatusCode());
            assertEquals(DigestAlgorithm.SHA_256, bob.digest().current().orElseThrow().algorithm());
            Binding b = binding("bob", bob.contactUri());
            assertTrue(b.behindNat(), "nat: always");
            assertEquals("sip:1002@127.0.0.1:" + b.source().getPort() + ";transport=" + transport.toLowerCase(),
                    b.reachUri());
            assertEquals(200, bob.unregister().getStatusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "t1"})
    void sippRegistersWithTheShippedScenario(String sippTransport) throws Exception {
        assumeTrue(onPath("sipp"), "sipp is not installed");
        int port = FreePorts.sip();
        Path csv = Files.writeString(dir.resolve("agents-" + sippTransport + ".csv"),
                "SEQUENTIAL\n1001;" + TwoAgentServer.DOMAIN + ";[authentication username=1001 password=pw-1001]\n");
        Process sipp = new ProcessBuilder("sipp", "127.0.0.1:" + server.gateway().sipPort(),
                "-sf", SIPP_SCENARIO.toAbsolutePath().normalize().toString(), "-inf", csv.toString(), "-m", "1", "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-t", sippTransport, "-nostdin",
                "-timeout", "20s", "-timeout_error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp-" + sippTransport + ".out").toFile())
                .start();
        try {
            assertTrue(sipp.waitFor(30, TimeUnit.SECONDS), "sipp did not finish");
            assertEquals(0, sipp.exitValue(), () -> "sipp failed: " + tail(dir.resolve("sipp-" + sippTransport + ".out")));
        } finally {
            sipp.destroy();
        }
        String transport = sippTransport.startsWith("t") ? "tcp" : "udp";
        Binding b = binding("alice", "sip:1001@127.0.0.1:" + port + ";transport=" + transport);
        assertEquals(b.contact(), b.reachUri(), "SIPp's Via names where it sends from: not behind NAT");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
