package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.call.PhoneCalls;
import gateway.call.PhoneCalls.Caller;
import gateway.call.RtpPeer;
import gateway.testkit.Await;
import gateway.testkit.FreePorts;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sip.message.Response;
import ops.records.JournalSettings;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server as its own process ({@code acd run FILE}), killed with SIGKILL right after its last
 * finished call, then started again on the same config: every finished call is in the database
 * with its talk time, and the call still bridged at the kill is recorded as CRASHED at start-up.
 */
class ServerDurabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FINISHED_CALLS = 5;
    /** About three seconds of the caller before the end of the recorded call. */
    private static final int RECORDED_PACKETS = 150;
    /** The payload byte of the caller's last packet, told apart from the rest of its audio. */
    private static final byte LAST_CALLER_PACKET = 0x33;
    private static final String DOMAIN = TwoAgentServer.DOMAIN;
    private static final String TRUNK = TwoAgentServer.TRUNK;

    @TempDir
    Path dir;

    private final ServerProcesses servers = new ServerProcesses();

    @AfterEach
    void killWhatIsLeft() throws Exception {
        servers.close();
    }

    /** A finished call: who took it, and how long the test kept it bridged (ms). */
    private record Finished(String callId, long talkAtLeastMs, long talkAtMostMs) {
    }

    @ParameterizedTest
    @MethodSource("ops.testkit.TestDatabases#all")
    void finishedCallsSurviveKillNineAndTheCallInProgressIsRecordedAsCrashed(TestDatabases.Kind kind)
            throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            Path config = dir.resolve("acd.yaml");
            int sipPort = FreePorts.sip();
            Files.writeString(config, config(sipPort, db.url()));
            String jdbcUrl = db.url() != null ? db.url() : "jdbc:sqlite:" + dir.resolve("data").resolve("acd.db");

            Process first = run(config, dir.resolve("first.log"));
            TestPhone alice = agent("1001", sipPort);
            TestPhone bob = agent("1002", sipPort);
            TestPhone trunk = phone(TestPhone.builder("+15550001").localAddress(TRUNK).domain(DOMAIN).server(sipPort));

            // bob takes the call that is still bridged when the server dies
            Caller inProgress = PhoneCalls.dial(trunk, rtp(TRUNK), "5001", WAIT, 0, 101);
            RtpPeer bobRtp = PhoneCalls.answer(bob.awaitRequest("INVITE", WAIT), rtp("127.0.0.1"), 0);
            bobRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            inProgress.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);

            List<Finished> finished = new ArrayList<>();
            for (int i = 0; i < FINISHED_CALLS; i++) {
                finished.add(talk(trunk, alice, 200 + 100 * i));
            }
            long byeAnsweredNs = System.nanoTime();
            Finished last = finished.get(finished.size() - 1);
            boolean visibleAtBye = outcome(jdbcUrl, last.callId()) != null;
            // the write-behind window: the test may not kill before it has passed, or the call is lost
            Await.until(() -> outcome(jdbcUrl, last.callId()) != null, WAIT,
                    () -> "the last finished call's record never became visible");
            long windowMs = (System.nanoTime() - byeAnsweredNs) / 1_000_000;
            JournalSettings s = JournalSettings.DEFAULTS;
            // the window is settle + batch (250 ms); the slack is for a loaded CI machine, not for the design
            assertTrue(windowMs < s.settleMs() + s.batchMs() + 750,
                    "record visible " + windowMs + " ms after the BYE was answered (at once: " + visibleAtBye + ")");
            assertEquals(1, ServerProcesses.count(jdbcUrl, "SELECT COUNT(*) FROM open_calls WHERE call_id = ?",
                    inProgress.call().callId()), "the bridged call is known as open before the kill");

            ServerProcesses.kill(first);

            Process second = run(config, dir.resolve("second.log"));
            for (Finished f : finished) {
                try (Connection c = DriverManager.getConnection(jdbcUrl);
                     PreparedStatement ps = c.prepareStatement(
                             "SELECT outcome, queue_id, agent_id, talk_ms FROM calls WHERE call_id = ?")) {
                    ps.setString(1, f.callId());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), "finished call " + f.callId() + " lost by the kill");
                        assertEquals("ANSWERED/sales/alice", rs.getString(1) + "/" + rs.getString(2) + "/"
                                + rs.getString(3));
                        long talkMs = rs.getLong(4);
                        assertTrue(talkMs >= f.talkAtLeastMs() - 20 && talkMs <= f.talkAtMostMs() + 1_000,
                                "talk " + talkMs + " ms, the test talked " + f.talkAtLeastMs() + ".."
                                        + f.talkAtMostMs() + " ms");
                    }
                }
            }
            assertEquals(FINISHED_CALLS,
                    ServerProcesses.count(jdbcUrl, "SELECT COUNT(*) FROM calls WHERE outcome = ?", "ANSWERED"));
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT outcome, queue_id, agent_id, ended_ms >= arrived_ms FROM calls WHERE call_id = ?")) {
                ps.setString(1, inProgress.call().callId());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the call in progress at the kill has no record after the restart");
                    assertEquals("CRASHED/support/bob/true", rs.getString(1) + "/" + rs.getString(2) + "/"
                            + rs.getString(3) + "/" + rs.getBoolean(4));
                }
            }
            assertEquals(0, ServerProcesses.count(jdbcUrl, "SELECT COUNT(*) FROM open_calls WHERE call_id = ?",
                    inProgress.call().callId()));

            ServerProcesses.stop(second);
            ServerProcesses.assertQuiet(dir.resolve("first.log"), dir.resolve("second.log"));
        }
    }

    /**
     * A recorded call killed with SIGKILL at its worst moment for the recording: right after the
     * caller's last packet, with the agent already silent, so nothing after it moves the
     * recording on. Restarted (which repairs the file), the WAV holds the caller's audio the
     * agent heard relayed, short of at most 250 ms.
     */
    @Test
    void aRecordingKilledByKillNineLacksAtMost250msOfTheAudioRelayed() throws Exception {
        Path config = dir.resolve("acd.yaml");
        int sipPort = FreePorts.sip();
        Files.writeString(config, TwoAgentServer.yaml(sipPort, "", "") + """
                queues:
                  - { id: sales, record: true, members: [ { agent: alice } ] }
                numbers:
                  - { number: "5000", queue: sales }
                """);
        Process first = run(config, dir.resolve("first.log"));
        TestPhone alice = agent("1001", sipPort);
        TestPhone trunk = phone(TestPhone.builder("+15550001").localAddress(TRUNK).domain(DOMAIN).server(sipPort));
        Caller caller = PhoneCalls.dial(trunk, rtp(TRUNK), "5000", WAIT, 0, 101);
        RtpPeer agent = PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), rtp("127.0.0.1"), 0);

        int[] relayed = {0};
        agent.await(p -> RtpPeer.carries(p, PhoneCalls.CALLER_AUDIO) && ++relayed[0] == RECORDED_PACKETS, WAIT,
                "the caller's first " + RECORDED_PACKETS + " packets");
        agent.stopSending();
        caller.rtp().stopSendingWith(LAST_CALLER_PACKET);
        agent.await(p -> {
            relayed[0] += RtpPeer.carries(p, PhoneCalls.CALLER_AUDIO) ? 1 : 0;
            return RtpPeer.carries(p, LAST_CALLER_PACKET);
        }, WAIT, "the caller's last packet");
        relayed[0]++;
        ServerProcesses.kill(first); // at once: the recording's last unflushed audio dies with it

        Process second = run(config, dir.resolve("second.log")); // repairs the recording at start-up
        Path wav;
        try (Stream<Path> files = Files.walk(dir.resolve("data").resolve("recordings"))) {
            wav = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        short[] callerChannel = WavReader.read(wav).channel(0);
        long heard = 0;
        short callerSample = Codec.PCMU.decode(PhoneCalls.CALLER_AUDIO);
        short lastSample = Codec.PCMU.decode(LAST_CALLER_PACKET);
        for (short sample : callerChannel) {
            heard += sample == callerSample || sample == lastSample ? 1 : 0;
        }
        long lostMs = (relayed[0] * 160L - heard) / 8;
        System.out.println("recording after kill -9: " + relayed[0] + " caller packets relayed, "
                + heard / 160.0 + " in the WAV: " + lostMs + " ms lost");
        assertTrue(lostMs <= 250 && heard <= relayed[0] * 160L, relayed[0] + " caller packets relayed, "
                + heard + " of their samples in " + wav + ": " + lostMs + " ms lost");
        ServerProcesses.stop(second);
    }

    /**
     * One call from the trunk to alice: answered, audio both ways, {@code talkMs} of talk, the
     * caller's BYE answered. The talk the record may show: at least what the test waited between
     * hearing the agent and hanging up, at most from the agent's answer to the BYE's 200.
     */
    private Finished talk(TestPhone trunk, TestPhone alice, long talkMs) throws Exception {
        Caller caller = PhoneCalls.dial(trunk, rtp(TRUNK), "5000", WAIT, 0, 101);
        Incoming invite = alice.awaitRequest("INVITE", WAIT);
        long answeredNs = System.nanoTime();
        RtpPeer agent = PhoneCalls.answer(invite, rtp("127.0.0.1"), 0);
        agent.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
        caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
        long heardNs = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(talkMs); // the deliberate talk time
        long talkedMs = (System.nanoTime() - heardNs) / 1_000_000;
        assertEquals(Response.OK, caller.call().bye().awaitFinal(WAIT).getStatusCode());
        long overallMs = (System.nanoTime() - answeredNs) / 1_000_000;
        alice.awaitRequest("BYE", WAIT);
        return new Finished(caller.call().callId(), talkedMs, overallMs);
    }

    private static String config(int sipPort, String database) throws IOException {
        return TwoAgentServer.yaml(sipPort, "", database == null ? "" : ", database: \"" + database + "\"") + """
                queues:
                  - { id: sales, members: [ { agent: alice } ] }
                  - { id: support, members: [ { agent: bob } ] }
                numbers:
                  - { number: "5000", queue: sales }
                  - { number: "5001", queue: support }
                """;
    }

    private Process run(Path config, Path log) throws Exception {
        return servers.run(config, log);
    }

    private TestPhone phone(TestPhone.Builder builder) throws Exception {
        TestPhone phone = builder.start();
        servers.keep(phone);
        return phone;
    }

    private TestPhone agent(String extension, int sipPort) throws Exception {
        TestPhone phone = phone(TestPhone.builder(extension).password("pw-" + extension).domain(DOMAIN)
                .server(sipPort));
        assertEquals(Response.OK, phone.register(300).getStatusCode(), "agent " + extension + " registers");
        return phone;
    }

    private RtpPeer rtp(String address) throws IOException {
        RtpPeer peer = new RtpPeer(address);
        servers.keep(peer);
        return peer;
    }

    /** The call's outcome as another connection reads it, or null while it has no record. */
    private static String outcome(String url, String callId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT outcome FROM calls WHERE call_id = ?")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
