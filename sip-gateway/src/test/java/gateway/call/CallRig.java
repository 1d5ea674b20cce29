package gateway.call;

import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.engine.AgentView;
import acd.event.AcdEvent;
import acd.queue.QueueSpec;
import config.build.IvrSpecs;
import config.model.Forward;
import config.model.HostPort;
import config.model.OfferMode;
import config.model.PortRange;
import config.model.SessionTimers;
import config.model.SipTls;
import gateway.leg.AgentRoute;
import gateway.server.Gateway;
import gateway.server.Observers;
import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentCredentials;
import gateway.sip.tcp.TcpLimits;
import gateway.testkit.Await;
import gateway.testphone.Events;
import gateway.testphone.TestPhone;
import gateway.trunk.TrunkRoute;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.entry.EntryPoint;
import ivr.entry.EntryPoints;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.menu.MenuSet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import ops.metrics.GatewayMeters;
import ops.records.CallFacts;

/**
 * A running gateway on loopback with test phones around it. Agents register from 127.0.0.1;
 * the trunk is 127.0.0.2, so trunk calls and agents' own calls come from different addresses.
 */
final class CallRig implements AutoCloseable {
    static final String DOMAIN = "acd.test";
    static final String TRUNK_ADDRESS = "127.0.0.2";
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The sounds shipped with the server, for the announcement phrases. */
    static final Path SOUNDS = Path.of("..", "config", "sounds");

    final Gateway gateway;
    /** Holds {@code voicemail/} and {@code recordings/}. */
    final Path storage;
    private final Events<AcdEvent> source;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private CallRig(Gateway gateway, Path storage, Events<AcdEvent> source) {
        this.gateway = gateway;
        this.storage = storage;
        this.source = source;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final List<AgentRoute> routes = new ArrayList<>();
        private final List<QueueSpec> queues = new ArrayList<>();
        private final Map<String, EntryPoint> entries = new LinkedHashMap<>();
        private final List<Menu> menus = new ArrayList<>();
        private final Map<String, IvrSpecs.QueueMedia> queueMedia = new HashMap<>();
        private IvrSpecs.SharedSounds sounds = new IvrSpecs.SharedSounds(tone("voicemail", 200, 500),
                ToneGenerator.beep(), tone("hold music", 1000, 350));
        private TrunkRoute trunk;
        private Duration inactivity;
        private TcpLimits tcp;
        private SipTls tls;
        private CallFacts facts = CallFacts.NONE;
        private SessionTimers sessionTimers;

        /** An agent whose extension is its password's suffix: {@code pw-<ext>}. */
        Builder agent(AgentRoute route) {
            routes.add(route);
            return this;
        }

        Builder agent(String id, String extension) {
            return agent(AgentRoute.phonesOnly(id, extension));
        }

        Builder queue(QueueSpec spec) {
            queues.add(spec);
            return this;
        }

        Builder number(String dialed, Destination entry) {
            return entry(new EntryPoint(dialed, entry, null));
        }

        Builder entry(EntryPoint entry) {
            entries.put(entry.number(), entry);
            return this;
        }

        Builder menu(Menu menu) {
            menus.add(menu);
            return this;
        }

        /** What callers of {@code queueId} hear, whether its calls are recorded, and where they go on leaving it without an agent. */
        Builder queueMedia(String queueId, IvrSpecs.QueueMedia media) {
            queueMedia.put(queueId, media);
            return this;
        }

        Builder sounds(IvrSpecs.SharedSounds shared) {
            sounds = shared;
            return this;
        }

        /** Where transfers go (a phone standing in for the carrier). */
        Builder transferTrunk(TrunkRoute route) {
            trunk = route;
            return this;
        }

        /** Who hears each call's facts (keys, menus...); none by default. */
        Builder facts(CallFacts callFacts) {
            facts = callFacts;
            return this;
        }

        /** Session timers in seconds; tests go far below the 90 s a config file may hold. */
        Builder sessionTimers(int expiresSeconds, int minSeSeconds) {
            sessionTimers = new SessionTimers(Duration.ofSeconds(expiresSeconds), Duration.ofSeconds(minSeSeconds));
            return this;
        }

        Builder rtpInactivity(Duration d) {
            inactivity = d;
            return this;
        }

        Builder tcp(TcpLimits limits) {
            tcp = limits;
            return this;
        }

        /** SIP over TLS too, on a free port, with this certificate. */
        Builder tls(Path certificate, Path key) {
            tls = new SipTls(new HostPort("127.0.0.1", 0), certificate, key);
            return this;
        }

        CallRig start() throws Exception {
            int base = 30_000 + 2 * ThreadLocalRandom.current().nextInt(0, 12_000);
            Gateway.Settings settings = Gateway.Settings.loopback(DOMAIN, new PortRange(base, base + 399))
                    .withRtpInactivity(inactivity).withSessionTimers(sessionTimers).withTcp(tcp).withTls(tls);
            MenuSet menuSet = new MenuSet(menus);
            IvrSpecs ivr = new IvrSpecs(menuSet, new EntryPoints(entries.values(), menuSet), queueMedia, sounds);
            Path storage = Files.createTempDirectory("acd-rig");
            StaticDirectory directory = new StaticDirectory(DOMAIN, ivr, routes, trunk, storage, Clock.systemUTC());
            Map<String, AgentCredentials> byUser = new HashMap<>();
            for (AgentRoute r : routes) {
                byUser.put(r.extension(), new AgentCredentials(r.agentId(), r.extension(), password(r.extension())));
            }
            List<AgentSpec> specs = routes.stream()
                    .map(r -> new AgentSpec(r.agentId(), r.agentId(), r.forward() == Forward.ON_NO_ANSWER)).toList();
            Events<AcdEvent> sink = new Events<>();
            Gateway gw = Gateway.start(settings, directory, user -> Optional.ofNullable(byUser.get(user)),
                    () -> TrunkSources.of(Map.of("carrier", List.of(TRUNK_ADDRESS + "/32"))), specs, queues,
                    new Observers(sink::add, facts, GatewayMeters.NONE));
            return new CallRig(gw, storage, sink);
        }
    }

    /** A prompt of one sine: easy to tell apart by its encoded frames. */
    static Prompt tone(String name, int durationMs, double frequencyHz) {
        return Prompt.of(name, ToneGenerator.tone(durationMs, 0.3, frequencyHz));
    }

    static String password(String extension) {
        return "pw-" + extension;
    }

    int sipPort() {
        return gateway.sipPort();
    }

    int tlsPort() {
        return gateway.sip().host().tlsPort();
    }

    /** A registered agent phone over {@code transport}. */
    TestPhone agentPhone(String extension, String transport) throws Exception {
        TestPhone phone = TestPhone.builder(extension).password(password(extension)).domain(DOMAIN)
                .transport(transport).server(sipPort()).start();
        closeables.add(phone);
        int status = phone.register(300).getStatusCode();
        if (status != 200) {
            throw new AssertionError("agent " + extension + " could not register: " + status);
        }
        return phone;
    }

    /** A registered agent phone, once the core has the agent available. */
    TestPhone onlineAgent(String agentId, String extension, String transport) throws Exception {
        TestPhone phone = agentPhone(extension, transport);
        awaitAgent(agentId, AgentIs.AVAILABLE);
        return phone;
    }

    /** A phone on the trunk's address: its INVITEs are let in without auth. */
    TestPhone trunkPhone(String user) throws Exception {
        return trunkPhone(user, "UDP");
    }

    /** A phone on the trunk's address over {@code transport}. */
    TestPhone trunkPhone(String user, String transport) throws Exception {
        TestPhone phone = TestPhone.builder(user).domain(DOMAIN).localAddress(TRUNK_ADDRESS).transport(transport)
                .server(sipPort()).start();
        closeables.add(phone);
        return phone;
    }

    RtpPeer rtp(String address) throws IOException {
        RtpPeer peer = new RtpPeer(address);
        closeables.add(peer);
        return peer;
    }

    /** What a test waits for an agent to be, as the core has it. */
    enum AgentIs {
        /** Would be offered a call: status available, state idle, reachable. */
        AVAILABLE(AgentView::offerable),
        LOGGED_OUT(v -> v.status() == AgentStatus.LOGGED_OUT),
        PAUSED(v -> v.status() == AgentStatus.PAUSED),
        /** On a call of their own (dialled in, a feature code): not offered calls. */
        ON_OWN_CALL(AgentView::onOwnCall);

        private final java.util.function.Predicate<AgentView> test;

        AgentIs(java.util.function.Predicate<AgentView> test) {
            this.test = test;
        }
    }

    /** Waits until the core has {@code agentId} as {@code is}. */
    void awaitAgent(String agentId, AgentIs is) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            AgentView now = agentView(agentId);
            if (now != null && is.test.test(now)) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("agent " + agentId + " is " + now + ", expected " + is);
            }
            source.take(e -> e instanceof AcdEvent.AgentStateChanged c && c.agentId().equals(agentId)
                            || e instanceof AcdEvent.AgentStatusChanged s && s.agentId().equals(agentId)
                            || e instanceof AcdEvent.AgentReachabilityChanged r && r.agentId().equals(agentId)
                            || e instanceof AcdEvent.AgentOwnCallChanged o && o.agentId().equals(agentId),
                    Duration.ofNanos(left), "a change of " + agentId);
        }
    }

    AgentState agentState(String agentId) {
        AgentView v = agentView(agentId);
        return v == null ? null : v.state();
    }

    AgentView agentView(String agentId) {
        try {
            return gateway.acd().agent(agentId).get(10, TimeUnit.SECONDS).orElse(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The next core event of {@code type} matching {@code match}. */
    <T extends AcdEvent> T awaitEvent(Class<T> type, java.util.function.Predicate<T> match) {
        AcdEvent e = source.take(x -> type.isInstance(x) && match.test(type.cast(x)), WAIT, type.getSimpleName());
        return type.cast(e);
    }

    /**
     * Waits until nothing of the calls is left: no call, no RTP port, no SIP dialog. Cleanup runs
     * just after the events a test sees (ports close on the loop), and a dialog whose INVITE got
     * an error over UDP lives until its transaction's timer (32 s), hence the long bound.
     */
    private static final Duration LEAK_WAIT = Duration.ofSeconds(90);

    void awaitNothingLeaked() throws Exception {
        Await.until(() -> gateway.b2bua().activeCalls() == 0, LEAK_WAIT, () -> "calls left: " + gateway.b2bua().activeCalls());
        Await.until(() -> gateway.rtp().ports().inUse() == 0, LEAK_WAIT, () -> "RTP ports in use: " + gateway.rtp().ports().inUse());
        Await.until(() -> gateway.sip().host().dialogs().isEmpty(), LEAK_WAIT, () -> "dialogs left: "
                + gateway.sip().host().dialogs().stream().map(d -> d.getCallId().getCallId() + " " + d.getState()).toList());
    }

    /** A trunk without credentials whose carrier is {@code phone}; our INVITEs offer. */
    static TrunkRoute trunkAt(TestPhone phone) {
        return trunkAt(phone.port());
    }

    /** A trunk without credentials whose carrier listens on {@code port} of the trunk address. */
    static TrunkRoute trunkAt(int port) {
        return TrunkRoute.plain("carrier", new InetSocketAddress(TRUNK_ADDRESS, port));
    }

    /** A delayed-offer trunk to {@code phone}: our INVITEs carry no SDP. */
    static TrunkRoute delayedTrunkAt(TestPhone phone) {
        return new TrunkRoute("carrier", new InetSocketAddress(TRUNK_ADDRESS, phone.port()), "UDP", null, OfferMode.DELAYED);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: the next closeable still gets closed
            }
        }
        gateway.close();
    }
}
