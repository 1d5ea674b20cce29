package gateway.sip;

import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentCredentials;
import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestAuthenticator;
import gateway.sip.auth.FailureLimiter;
import gateway.sip.registrar.RegistrarSettings;
import gateway.sip.stack.SipStackSettings;
import gateway.testphone.TestPhone;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sip.SipException;

/**
 * A gateway SIP server on 127.0.0.1 with a free port, a hand-held clock offset and the
 * {@link InviteHandler} a test class gives. Every four-digit extension is an agent: 1234 is
 * agent {@code agent1234} with password {@code secret-1234}, so each test can use its own.
 */
final class SipServerFixture implements AutoCloseable {
    static final String REALM = "acd.test";
    private static final AtomicInteger IDS = new AtomicInteger();

    final AtomicLong clockOffsetMs = new AtomicLong();
    final LinkedBlockingQueue<String> reachability = new LinkedBlockingQueue<>();
    final InviteHandler handler;
    final SipServer server;
    private final ExecutorService[] loops = new ExecutorService[4];
    /** Told the Call-ID of each SIP event the stack hands over, on the stack's thread, after the stack processed it. */
    volatile Consumer<String> dispatched = callId -> { };

    SipServerFixture(InviteHandler handler, TrunkSources trunks, RegistrarSettings registrar,
                     FailureLimiter limiter, int overloadLimit) throws SipException {
        this.handler = handler;
        for (int i = 0; i < loops.length; i++) {
            int n = i;
            loops[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-call-loop-" + n));
        }
        server = SipServer.builder(SipStackSettings.server("test-gw-" + IDS.incrementAndGet(), "127.0.0.1", 0), REALM)
                .agents(SipServerFixture::agent)
                .trunks(trunks)
                .inviteHandler(handler)
                .registrationListener((agent, reachable) -> reachability.add(agent + (reachable ? " up" : " down")))
                .executorForCallId(callId -> {
                    dispatched.accept(callId);
                    return loops[Math.floorMod(callId.hashCode(), loops.length)];
                })
                .registrar(registrar)
                .digest(new DigestAuthenticator(REALM, List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256),
                        Duration.ofMinutes(5), 1000, this::now))
                .failureLimiter(limiter)
                .overload(overloadLimit, null, 7)
                .expiryPeriod(Duration.ofMillis(100))
                .clock(this::now)
                .start();
    }

    static Optional<AgentCredentials> agent(String user) {
        return user.matches("[0-9]{4}")
                ? Optional.of(new AgentCredentials("agent" + user, user, password(user))) : Optional.empty();
    }

    static String password(String user) {
        return "secret-" + user;
    }

    static SipServerFixture standard(InviteHandler handler) throws SipException {
        return new SipServerFixture(handler, TrunkSources.of(Map.of("carrier", List.of("127.0.0.2/32"))),
                new RegistrarSettings(60, 3600, 3600, 10), lenientLimiter(), 1_000_000);
    }

    static FailureLimiter lenientLimiter() {
        return new FailureLimiter(1_000_000, 1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(5), 1000, System::currentTimeMillis);
    }

    long now() {
        return System.currentTimeMillis() + clockOffsetMs.get();
    }

    int port() {
        return server.port();
    }

    TestPhone.Builder phone(String user, String password, String transport) {
        return TestPhone.builder(user).password(password).server(port()).transport(transport).domain(REALM);
    }

    /** A phone for agent {@code user} with the right password. */
    TestPhone.Builder agentPhone(String user, String transport) {
        return phone(user, password(user), transport);
    }

    /** Waits (bounded) for {@code agentId}'s next reachability change: true when it became reachable. */
    boolean awaitReachability(String agentId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String event = reachability.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no reachability change of " + agentId + " within 10 s");
            }
            if (event.startsWith(agentId + " ")) {
                return event.endsWith(" up");
            }
        }
    }

    @Override
    public void close() {
        server.close();
        for (ExecutorService loop : loops) {
            loop.shutdownNow();
        }
    }
}
