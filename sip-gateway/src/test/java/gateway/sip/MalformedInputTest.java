package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.sip.admission.TrunkSources;
import gateway.sip.registrar.RegistrarSettings;
import gateway.testkit.Await;
import gateway.testphone.TestPhone;
import java.time.Duration;
import gateway.testphone.Outgoing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input over UDP and TCP: the 49 RFC 4475 torture messages get the answers the RFC asks for
 * (or are dropped), after which a call completes, and a fuzz corpus of over a thousand malformed messages leaves the server answering normal
 * traffic with no dialog or transaction left behind. INVITEs from 127.0.0.1 count as a trunk's
 * and are answered 486, so they reach the call logic too.
 */
class MalformedInputTest {
    /** No answer: the message is a response, or the stream waits for the rest of it. */
    private static final int NONE = -1;
    /**
     * What RFC 4475 asks of each torture message, as this server answers it over UDP and TCP.
     * Where the RFC allows either rejecting or accepting, the comment says which we do. INVITEs
     * from 127.0.0.1 are a trunk's and answered 486 (busy) once admitted; a REGISTER is
     * challenged (401) before its Contact is looked at (RFC 3261 10.3 authenticates at step 3,
     * contacts are step 6), so a REGISTER the RFC wants accepted or refused gets 401 as long as
     * it parses.
     */
    private static final Map<String, Integer> ANSWERS = Map.ofEntries(
            // 3.1.1 valid messages: parsed and answered
            Map.entry("wsinv", 481), Map.entry("intmeth", 501), Map.entry("esc01", 486), Map.entry("escnull", 401),
            Map.entry("esc02", 501), Map.entry("lwsdisp", 200), Map.entry("longreq", 486), Map.entry("dblreq", 401),
            Map.entry("semiuri", 200), Map.entry("transports", 200), Map.entry("mpart01", 501) /* MESSAGE */,
            Map.entry("unreason", NONE), Map.entry("noreason", NONE),
            // 3.1.2 invalid messages
            Map.entry("badinv01", 400), Map.entry("clerr", 400), Map.entry("ncl", 400), Map.entry("scalar02", 400),
            Map.entry("scalarlg", NONE), Map.entry("quotbal", 400), Map.entry("ltgtruri", 400), Map.entry("lwsruri", 400),
            Map.entry("lwsstart", 486) /* liberal accept */, Map.entry("trws", 200) /* liberal accept */,
            Map.entry("escruri", 486) /* escaped headers ignored */, Map.entry("baddate", 486) /* Date ignored */,
            Map.entry("regbadct", 401), Map.entry("badaspec", 400), Map.entry("baddn", 400), Map.entry("badvers", 505),
            Map.entry("mismatch01", 400), Map.entry("mismatch02", 400), Map.entry("bigcode", NONE),
            // 3.2 transaction layer: matched as RFC 2543 does
            Map.entry("badbranch", 200),
            // 3.3 application layer
            Map.entry("insuf", 400), Map.entry("unkscm", 416), Map.entry("novelsc", 416), Map.entry("unksm2", 400),
            Map.entry("bext01", 420), Map.entry("invut", 415), Map.entry("regaut01", 401), Map.entry("multi01", 400),
            Map.entry("mcl01", 400), Map.entry("bcast", NONE), Map.entry("zeromf", 200), Map.entry("cparam01", 401),
            Map.entry("cparam02", 401), Map.entry("regescrt", 401), Map.entry("sdp01", 406),
            // 3.4 backward compatibility: the stack needs Max-Forwards and Contact in an INVITE
            // (RFC 3261 8.1.1.6, 8.1.1.8) and says which one is missing
            Map.entry("inv2543", 400));
    /**
     * Over TCP, messages a stream cannot end: clerr's Content-Length runs past its body and baddn
     * has no empty line after its headers, so the server waits for the rest (RFC 4475 3.1.2.2).
     */
    private static final Set<String> INCOMPLETE_OVER_TCP = Set.of("clerr", "baddn");
    /** Over TCP, messages whose length cannot be known (ncl, mcl01): answered, then the connection closes. */
    private static final Set<String> UNFRAMED = Set.of("ncl", "mcl01");

    private final ScriptedInviteHandler handler = new ScriptedInviteHandler();
    private SipServerFixture gw;
    private TortureCorpus corpus;

    /** A server per test: the stack remembers requests it saw (482 for a merged request). */
    @BeforeEach
    void start() throws Exception {
        corpus = TortureCorpus.load();
        handler.alwaysBusy = true;
        gw = new SipServerFixture(handler, TrunkSources.of(Map.of("fuzz", List.of("127.0.0.1/32"))),
                RegistrarSettings.standard(), SipServerFixture.lenientLimiter(), 1_000_000);
        handler.host = gw.server.host();
    }

    @AfterEach
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    @Test
    void everyTortureMessageIsAnsweredAsTheRfcSaysOverUdpThenACallCompletes() throws Exception {
        assertEquals(TortureCorpus.EXPECTED_COUNT, ANSWERS.size(), "an answer for every message");
        List<String> wrong = new ArrayList<>();
        int probe = 0;
        for (TortureCorpus.Message m : corpus.all()) {
            try (RawSipClient raw = new RawSipClient(gw.port())) {
                String suffix = ".u" + m.name();
                byte[] message = TortureCorpus.rewrite(m.bytes(), raw.udpPort(), "UDP", suffix);
                String marker = TortureCorpus.marker(message, suffix);
                raw.sendUdp(message);
                int expected = ANSWERS.get(m.name());
                if (expected != NONE) {
                    check(m.name(), expected, raw.awaitUdp(text -> isFinal(text, marker), TestPhone.WAIT), wrong);
                }
                // The server still answers this socket; a dropped message left no answer before that.
                String probeId = "probe-" + (++probe) + "-" + m.name();
                raw.sendUdp(SipFuzz.options(raw.udpPort(), probeId, "UDP"));
                Optional<String> reply = raw.awaitUdp(probeId, TestPhone.WAIT);
                assertEquals(200, reply.map(MalformedInputTest::status).orElse(-1), "OPTIONS after " + m.name());
                if (expected == NONE) {
                    assertFalse(raw.sawBefore(marker, probeId), m.name() + " must not be answered");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "unexpected answers over UDP: " + wrong);
        callCompletes("UDP");
    }

    /**
     * Each message goes on a connection of its own, followed by an OPTIONS: a message the
     * server could frame is answered and the connection goes on to the OPTIONS.
     */
    @Test
    void everyTortureMessageIsAnsweredAsTheRfcSaysOverTcpThenACallCompletes() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (RawSipClient raw = new RawSipClient(gw.port())) {
            int probe = 0;
            for (TortureCorpus.Message m : corpus.all()) {
                String suffix = ".t" + m.name();
                byte[] message = TortureCorpus.rewrite(m.bytes(), raw.udpPort(), "TCP", suffix);
                if (INCOMPLETE_OVER_TCP.contains(m.name())) {
                    raw.sendTcp(message);
                    continue;
                }
                String probeId = "probe-tcp-" + (++probe) + "-" + m.name();
                byte[] options = SipFuzz.options(raw.udpPort(), probeId, "TCP");
                byte[] both = Arrays.copyOf(message, message.length + options.length);
                System.arraycopy(options, 0, both, message.length, options.length);
                String marker = TortureCorpus.marker(message, suffix);
                int expected = ANSWERS.get(m.name());
                List<String> answers = raw.exchangeTcp(both, as -> as.stream().anyMatch(a -> a.contains(probeId))
                        && (expected == NONE || as.stream().anyMatch(a -> isFinal(a, marker))), TestPhone.WAIT);
                check(m.name(), expected, answers.stream().filter(a -> isFinal(a, marker)).findFirst(), wrong);
                boolean probeAnswered = answers.stream().anyMatch(a -> a.contains(probeId));
                if (probeAnswered == UNFRAMED.contains(m.name())) {
                    wrong.add(m.name() + ": the OPTIONS after it was " + (probeAnswered ? "" : "not ") + "answered");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "unexpected answers over TCP: " + wrong);
        callCompletes("TCP");
    }

    private void callCompletes(String transport) throws Exception {
        handler.alwaysBusy = false;
        try (TestPhone carrier = gw.phone("carrier", null, transport).start()) {
            Outgoing call = carrier.invite("answer", ScriptedInviteHandler.SDP);
            assertEquals(200, call.awaitFinal().getStatusCode(), "a call over " + transport + " after the torture");
            call.ack();
            assertEquals(200, call.bye().awaitFinal().getStatusCode());
        }
    }

    private static void check(String name, int expected, Optional<String> answer, List<String> wrong) {
        int got = answer.map(MalformedInputTest::status).orElse(NONE);
        if (got != expected) {
            wrong.add(name + ": expected " + (expected == NONE ? "no answer" : expected) + ", got "
                    + (got == NONE ? "nothing" : answer.get().lines().findFirst().orElse("")));
        }
    }

    @Test
    void fuzzCorpusOverUdpAndTcpLeavesTheServerHealthy() throws Exception {
        try (RawSipClient raw = new RawSipClient(gw.port())) {
            List<byte[]> fuzz = SipFuzz.corpus(corpus, raw.udpPort());
            assertTrue(fuzz.size() >= 1000, "corpus of " + fuzz.size());
            for (String transport : List.of("UDP", "TCP")) {
                try (TestPhone watcher = gw.phone("watcher", null, transport).start()) {
                    for (int i = 0; i < fuzz.size(); i++) {
                        byte[] message = fuzz.get(i);
                        if ("UDP".equals(transport)) {
                            if (message.length <= 65_000) {
                                raw.sendUdp(message);
                            }
                        } else {
                            raw.sendTcp(message);
                        }
                        if (i % 100 == 99) {
                            assertEquals(200, watcher.options().getStatusCode(),
                                    "OPTIONS during the " + transport + " flood, after message " + i);
                        }
                    }
                }
            }
            raw.drainUdp();
        }
        for (String transport : List.of("UDP", "TCP")) {
            String user = "UDP".equals(transport) ? "1400" : "1401";
            try (TestPhone phone = gw.agentPhone(user, transport).start()) {
                assertEquals(200, phone.register(600).getStatusCode(), "REGISTER after the flood over " + transport);
                assertEquals(200, phone.options().getStatusCode(), "OPTIONS after the flood over " + transport);
                assertEquals(200, phone.unregister().getStatusCode());
            }
        }
        // Completed transactions linger for timer J/H (32 s over UDP), so allow a little longer.
        Await.until(() -> gw.server.host().dialogs().isEmpty(), Duration.ofSeconds(90),
                () -> "dialogs left: " + gw.server.host().dialogs().size());
        Await.until(() -> gw.server.host().serverTransactions() == 0 && gw.server.host().clientTransactions() == 0,
                Duration.ofSeconds(90), () -> "transactions left: server " + gw.server.host().serverTransactions()
                        + ", client " + gw.server.host().clientTransactions());
    }

    /** A final response mentioning {@code marker}. */
    private static boolean isFinal(String text, String marker) {
        return text.contains(marker) && status(text) >= 200;
    }

    private static int status(String response) {
        if (!response.startsWith("SIP/2.0 ") || response.length() < 11) {
            return -1;
        }
        return Integer.parseInt(response.substring(8, 11));
    }
}
