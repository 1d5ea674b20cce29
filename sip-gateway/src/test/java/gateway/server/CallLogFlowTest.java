package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.call.PhoneCalls;
import gateway.call.PhoneCalls.Caller;
import gateway.call.RtpPeer;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.TestPhone;
import ivr.testkit.ExpectedLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INFO lines an operator follows a call by, from a real server: one call through the menu, a
 * key, the queue and an agent's answer until the caller hangs up, each step once, every line
 * starting with the call's id, addresses as {@code host:port}, never a "null".
 */
class CallLogFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SOUNDS = Path.of("..", "config", "sounds").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void oneCallThroughMenuQueueAndAgentIsLoggedStepByStep() throws Exception {
        String yaml = TwoAgentServer.yaml(FreePorts.sip(), "", "") + """
                queues: [ { id: sales, ringTimeout: 10s, members: [ { agent: alice } ] } ]
                menus: [ { id: main, prompt: %s/welcome.wav, options: { "1": { queue: sales } } } ]
                numbers: [ { number: "5000", menu: main } ]
                """.formatted(SOUNDS);
        try (ExpectedLog log = ExpectedLog.atInfo("gateway", "acd.events");
             ServerMain server = TwoAgentServer.start(dir, yaml);
             TestPhone alice = TestPhone.builder("1001").password("pw-1001").domain(TwoAgentServer.DOMAIN)
                     .server(server.gateway().sipPort()).start();
             TestPhone trunk = TestPhone.builder("+15550001").localAddress(TwoAgentServer.TRUNK)
                     .domain(TwoAgentServer.DOMAIN).server(server.gateway().sipPort()).start();
             RtpPeer callerRtp = new RtpPeer(TwoAgentServer.TRUNK);
             RtpPeer aliceRtp = new RtpPeer("127.0.0.1")) {
            assertEquals(Response.OK, alice.register(300).getStatusCode());
            Await.until(() -> server.gateway().acd().agent("alice").get(10, TimeUnit.SECONDS)
                    .map(a -> a.reachable()).orElse(false), WAIT, () -> "alice never reachable");

            Caller caller = PhoneCalls.dial(trunk, callerRtp, "5000", WAIT, 0, 101);
            callerRtp.await(p -> p.payloadType() == 0, WAIT, "the menu's prompt");
            callerRtp.pressKey('1', 101);
            PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), aliceRtp, 0);
            aliceRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            PhoneCalls.hangUp(caller, alice);

            String prefix = "call " + caller.call().callId() + ": ";
            Await.until(() -> log.lines().stream().anyMatch(l -> l.startsWith(prefix + "queue sales outcome")), WAIT,
                    () -> "no queue outcome in " + log.lines());
            List<String> lines = log.lines();
            List<String> call = lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .toList();
            assertInOrder(call, "INVITE from \\+15550001 to 5000, 127\\.0\\.0\\.2:\\d+ over UDP, trunk carrier: menu main",
                    "menu main", "key 1 by RFC 4733", "ringing agent alice on 127\\.0\\.0\\.1:\\d+ UDP",
                    "bridged to agent alice", "ended in bridge after [0-9.]+ s, caller hung up");
            assertInOrder(call, "joins queue sales at position 1", "answered by agent alice after \\d+ ms in queue sales",
                    "queue sales outcome COMPLETED by agent alice, waited \\d+ ms, talked \\d+ ms");
            assertEquals(9, call.size(), () -> "one line per step: " + call);
            assertTrue(lines.stream().anyMatch(l -> l.matches("agent alice registered from 127\\.0\\.0\\.1:\\d+ over UDP: "
                    + "1 contact\\(s\\)")), lines::toString);
            assertTrue(lines.stream().noneMatch(l -> l.contains("null") || l.contains("/127.")), lines::toString);
            assertEquals(List.of(), log.warnings());
        }
    }

    /** Each of {@code patterns} matches a whole line of {@code lines}, in this order. */
    private static void assertInOrder(List<String> lines, String... patterns) {
        int at = 0;
        for (String p : patterns) {
            Pattern pattern = Pattern.compile(p);
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertTrue(at < lines.size(), () -> "no line " + p + " in order in " + lines);
            at++;
        }
    }
}
