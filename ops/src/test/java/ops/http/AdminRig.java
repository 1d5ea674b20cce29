package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.agent.AgentSpec;
import acd.command.AcdProxy;
import acd.engine.AcdEngine;
import acd.command.CommandSink;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ops.sessions.SignedOutSessions;

/**
 * A real routing core in virtual time (the clock moves only when a test moves it; commands run
 * at once on the caller's thread, one at a time, at exactly that time), hand-written fakes for the records, reports and gateway ports, and the admin server on
 * 127.0.0.1 at a free port, with an HTTP client that speaks to it.
 */
final class AdminRig implements AutoCloseable {
    static final String TOKEN = "s3cret-admin-token-0123456789";
    static final String VIEW_TOKEN = "wallboard-token-9876543210";
    static final List<String> PAUSE_REASONS = List.of("break", "lunch");
    static final long T0 = 1_767_258_000_000L; // 2026-01-01T09:00:00Z

    final AtomicLong clock = new AtomicLong(T0);
    final RecordingCallControl port = new RecordingCallControl();
    final LockedSink sink;
    final AcdProxy core;
    final Fakes.Records records = new Fakes.Records();
    final Fakes.Reports reports = new Fakes.Reports();
    final Fakes.Live live = new Fakes.Live();
    final Fakes.Config config = new Fakes.Config();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AdminServer server;

    AdminRig() throws InterruptedException {
        this(null);
    }

    /** Agents a, b, c, all logged out and unreachable; queue "sales" (department "help") with a and b; queue "support" with c. */
    AdminRig(String metricsToken) throws InterruptedException {
        this(metricsToken, 0);
    }

    /** The same on {@code listenPort} (0: a free one), e.g. the port of a rig closed before. */
    AdminRig(String metricsToken, int listenPort) throws InterruptedException {
        this(metricsToken, listenPort, SignedOutSessions.NONE);
    }

    /** The same, keeping sign-outs in {@code signedOut}. */
    AdminRig(String metricsToken, int listenPort, SignedOutSessions signedOut) throws InterruptedException {
        AcdEngine engine = new AcdEngine(port, e -> { }, new SplittableRandom(7), ZoneOffset.UTC, T0);
        sink = new LockedSink(CommandSink.direct(engine, clock::get));
        core = new AcdProxy(sink);
        QueueSpec sales = new QueueSpec("sales", "help", StrategyKind.PRIORITY, 15_000, 0, null, 0, 0, 0,
                List.of(new MemberSpec("a", 1), new MemberSpec("b", 2)));
        QueueSpec support = QueueSpec.of("support", StrategyKind.PRIORITY, List.of(new MemberSpec("c", 1)));
        core.configure(List.of(AgentSpec.of("a"), AgentSpec.of("b"), AgentSpec.of("c")), List.of(sales, support));
        for (String id : List.of("a", "b", "c")) {
            core.logout(id);
        }
        server = AdminServer.builder()
                .listen(new InetSocketAddress("127.0.0.1", listenPort))
                .token(TOKEN)
                .wallboardToken(VIEW_TOKEN)
                .pauseReasons(() -> PAUSE_REASONS)
                .commands(core)
                .records(records)
                .reports(reports)
                .liveCalls(live)
                .contacts(agentId -> List.of("sip:" + agentId + "@10.0.0.5:5062"))
                .trunks(() -> List.of(new TrunkStates.TrunkState("carrier", "REGISTERED", "granted 600 s")))
                .config(config)
                .signedOut(signedOut)
                .metrics(() -> "acd_calls_total{queue=\"sales\"} 3.0\n", metricsToken)
                .workers(2)
                .start();
    }

    /** Agent reachable and logged in. */
    AdminRig online(String... agentIds) throws Exception {
        for (String id : agentIds) {
            core.reachable(id, true);
            core.login(id);
        }
        core.agents().get(5, TimeUnit.SECONDS);
        return this;
    }

    void enqueue(String callId, String queueId) {
        core.enqueue(callId, queueId, 0);
    }

    /**
     * {@link CommandSink#direct} for several threads: the workers and the test take turns, so
     * the engine still sees one thread at a time (the lock also publishes its state between them).
     */
    static final class LockedSink implements CommandSink {
        private final CommandSink direct;

        LockedSink(CommandSink direct) {
            this.direct = direct;
        }

        @Override
        public synchronized void post(Command command) {
            direct.post(command);
        }

        @Override
        public synchronized <T> CompletableFuture<T> ask(Query<T> query) {
            return direct.ask(query);
        }
    }

    /** The agents the core rang since the last call, read on the core's thread. */
    List<String> rings() throws Exception {
        return sink.ask((e, now) -> port.take().stream()
                .filter(c -> c instanceof RecordingCallControl.Ring)
                .map(c -> ((RecordingCallControl.Ring) c).agentId()).toList()).get(5, TimeUnit.SECONDS);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(request(pathAndQuery).POST(p));
    }

    HttpResponse<String> delete(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Ends a test whose refusals were provoked on purpose: they must have logged nothing at WARN. */
    void closeQuiet(LogCapture log) {
        try {
            assertEquals(List.of(), log.warnings(), "refusals are the caller's fault: nothing at WARN");
        } finally {
            log.close();
            close();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
