package gateway.server;

import acd.agent.AgentSpec;
import acd.command.AcdCommands;
import acd.command.AcdProxy;
import acd.engine.AcdEngine;
import acd.engine.AcdLoop;
import acd.queue.QueueSpec;
import config.model.NatMode;
import config.model.PortRange;
import config.model.SessionTimers;
import config.model.SipTls;
import gateway.call.AgentPresence;
import gateway.call.B2bua;
import gateway.call.CallDirectory;
import gateway.call.CallMedia;
import gateway.call.FeatureCodes;
import gateway.media.LoopPlayouts;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.push.PushGateway;
import gateway.push.PushWaker;
import gateway.push.Wakeups;
import gateway.rtp.RtpConfig;
import gateway.rtp.RtpEngine;
import gateway.sip.SipOutbound;
import gateway.sip.SipServer;
import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentDirectory;
import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.auth.DigestAuthenticator;
import gateway.sip.registrar.AgentLocator;
import gateway.sip.registrar.BindingStore;
import gateway.sip.registrar.RegistrarSettings;
import gateway.sip.stack.SipStackSettings;
import gateway.sip.tcp.TcpLimits;
import gateway.sip.tls.ServerCertificate;
import gateway.sip.tls.TlsListen;
import gateway.trunk.TrunkRegistrations;
import ivr.record.RecordingRepair;
import ivr.record.RecordingWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sip.SipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server, assembled: the call event loops, the RTP engine, the routing core on its
 * own thread, the SIP stack, and the B2BUA between them. {@link #start} brings it up; close
 * takes it down in reverse order.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** How often the TLS certificate files are looked at for a renewal. */
    private static final Duration CERTIFICATE_CHECK = Duration.ofSeconds(5);
    /** Chunks (about 125 ms of a call each) queued for the disk before audio is dropped: about a minute of 100 calls. */
    private static final int RECORDING_BACKLOG_CHUNKS = 48_000;

    /**
     * @param sipAddress   where SIP listens (UDP and TCP); port 0 picks a free port
     * @param advertise    the address put in Contact, Via and SDP
     * @param rtpBind      the address RTP sockets bind to
     * @param rtpInactivity a bridged leg silent this long ends the call; zero: never; null: the default
     * @param callThreads  event loops for calls (0: one per core)
     * @param digest       digest algorithms offered to agents without their own (null: MD5)
     * @param nat          how agents' phones are reached unless the agent says (null: auto)
     * @param sessionTimers RFC 4028 intervals for every call's dialogs (null: the defaults)
     * @param tcp           caps and idle timeout of SIP over TCP (null: the defaults)
     */
    public record Settings(String sipAddress, int sipPort, String domain, String advertise, String rtpBind,
                           PortRange rtpPorts, Duration rtpInactivity, int callThreads, int maxCalls,
                           List<DigestAlgorithm> digest, NatMode nat, SessionTimers sessionTimers, TcpLimits tcp,
                           SipTls tls) {
        public Settings {
            nat = nat == null ? NatMode.AUTO : nat;
            sessionTimers = sessionTimers == null ? SessionTimers.DEFAULT : sessionTimers;
            tcp = tcp == null ? TcpLimits.DEFAULT : tcp;
            digest = digest == null || digest.isEmpty() ? List.of(DigestAlgorithm.MD5) : List.copyOf(digest);
            Objects.requireNonNull(sipAddress, "sipAddress");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(advertise, "advertise");
            Objects.requireNonNull(rtpPorts, "rtpPorts");
            rtpBind = rtpBind == null ? sipAddress : rtpBind;
            rtpInactivity = rtpInactivity == null ? RtpConfig.DEFAULT_INACTIVITY_TIMEOUT : rtpInactivity;
        }

        /** Everything on one loopback address, SIP on a free port: for tests. */
        public static Settings loopback(String domain, PortRange rtpPorts) {
            return new Settings("127.0.0.1", 0, domain, "127.0.0.1", "127.0.0.1", rtpPorts, null, 2, 10_000, null, null,
                    null, null, null);
        }

        public Settings withRtpInactivity(Duration d) {
            return new Settings(sipAddress, sipPort, domain, advertise, rtpBind, rtpPorts, d, callThreads, maxCalls, digest,
                    nat, sessionTimers, tcp, tls);
        }

        /** RFC 4028 session timers; tests use intervals far below the 90 s a config file may hold. */
        public Settings withSessionTimers(SessionTimers timers) {
            return new Settings(sipAddress, sipPort, domain, advertise, rtpBind, rtpPorts, rtpInactivity, callThreads, maxCalls,
                    digest, nat, timers, tcp, tls);
        }

        public Settings withTcp(TcpLimits limits) {
            return new Settings(sipAddress, sipPort, domain, advertise, rtpBind, rtpPorts, rtpInactivity, callThreads,
                    maxCalls, digest, nat, sessionTimers, limits, tls);
        }

        /** SIP over TLS as well ({@code null}: none). */
        public Settings withTls(SipTls value) {
            return new Settings(sipAddress, sipPort, domain, advertise, rtpBind, rtpPorts, rtpInactivity, callThreads,
                    maxCalls, digest, nat, sessionTimers, tcp, value);
        }
    }

    private final CallLoops loops;
    private final RtpEngine rtp;
    private final LoopPlayouts playouts;
    private final RecordingWriter writer;
    private final AcdLoop loop;
    private final AcdCommands acd;
    private final B2bua b2bua;
    private final AgentPresence presence;
    private final SipServer sip;
    private final TrunkRegistrations trunks;
    private final Optional<ServerCertificate> certificate;
    private final PushGateway push;

    private Gateway(CallLoops loops, RtpEngine rtp, LoopPlayouts playouts, RecordingWriter writer, AcdLoop loop,
                    AcdCommands acd, B2bua b2bua, AgentPresence presence, SipServer sip, TrunkRegistrations trunks,
                    Optional<ServerCertificate> certificate, PushGateway push) {
        this.certificate = certificate;
        this.push = push;
        this.loops = loops;
        this.rtp = rtp;
        this.playouts = playouts;
        this.writer = writer;
        this.loop = loop;
        this.acd = acd;
        this.b2bua = b2bua;
        this.presence = presence;
        this.sip = sip;
        this.trunks = trunks;
    }

    public static Gateway start(Settings settings, CallDirectory directory, AgentDirectory credentials,
                                Supplier<TrunkSources> trunks, List<AgentSpec> agents, List<QueueSpec> queues,
                                Observers observers) throws SipException {
        return start(settings, directory, credentials, trunks, agents, queues, observers, BindingStore.NONE, LastRun.NONE);
    }

    /** @param bindings where registrations are kept; {@code lastRun} what the records held, restored before SIP is served */
    static Gateway start(Settings settings, CallDirectory directory, AgentDirectory credentials,
                         Supplier<TrunkSources> trunks, List<AgentSpec> agents, List<QueueSpec> queues,
                         Observers observers, BindingStore bindings, LastRun lastRun) throws SipException {
        int threads = settings.callThreads() > 0 ? settings.callThreads() : Runtime.getRuntime().availableProcessors();
        CallLoops loops = new CallLoops(Transport.best(), threads);
        RtpEngine rtp = new RtpEngine(loops.transport(), new RtpConfig(address(settings.rtpBind()), settings.rtpPorts(),
                settings.rtpInactivity()));
        LoopPlayouts playouts = new LoopPlayouts();
        repairRecordings(directory);
        RecordingWriter writer = new RecordingWriter(RECORDING_BACKLOG_CHUNKS);

        // The core calls the B2BUA, which posts back to the core: tie the knot through a holder.
        B2bua[] b2buaRef = new B2bua[1];
        SipServer[] sipRef = new SipServer[1];
        var clock = AcdLoop.monotonicWallClock();
        AcdEngine engine = new AcdEngine(new DeferredCallControl(() -> b2buaRef[0]), observers.events(), new SplittableRandom(),
                ZoneId.systemDefault(), clock.getAsLong());
        AcdLoop loop = new AcdLoop(engine, clock, "acd-core").start();
        AcdCommands acd = new AcdProxy(loop);
        acd.restoreStatuses(lastRun.statuses());
        acd.configure(agents, queues);
        acd.addAnsweredToday(lastRun.answeredToday());

        AgentPresence presence = new AgentPresence(acd, directory);
        FeatureCodes features = new FeatureCodes(loops, playouts);
        AgentLocator locator = agentId -> sipRef[0] == null ? List.of() : sipRef[0].locator().contactsOf(agentId);
        B2bua b2bua = new B2bua(loops, rtp, acd, directory, locator, features,
                new CallMedia(playouts, writer, ZoneId.systemDefault()), observers.facts(), observers.meters(),
                Clock.systemUTC());
        b2buaRef[0] = b2bua;
        TrunkRegistrations registrations = new TrunkRegistrations(TrunkRegistrations.Backoff.STANDARD);
        PushGateway push = new PushGateway();
        Wakeups wakeups = new Wakeups(bindings);

        Optional<ServerCertificate> certificate = certificate(settings.tls());
        SipServer sip = SipServer.builder(stackSettings(settings, certificate), settings.domain())
                .agents(credentials)
                .digest(new DigestAuthenticator(settings.domain(), settings.digest(), Duration.ofMinutes(5), 100_000,
                        System::currentTimeMillis))
                .registrar(RegistrarSettings.standard().withNat(settings.nat()))
                .trunks(trunks)
                .inviteHandler(registrations.before(b2bua))
                .registrationListener(presence)
                .bindings(wakeups, lastRun.registrations())
                .pushWakeUps(push::on)
                .executorForCallId(id -> registrations.owns(id) ? registrations.executor() : b2bua.executorFor(id))
                .overload(settings.maxCalls(), b2bua::activeCalls, 5)
                .meters(observers.meters())
                .start();
        sipRef[0] = sip;
        SipOutbound outbound = new SipOutbound(sip.host(), settings.advertise(), observers.meters());
        b2bua.attach(outbound, settings.sessionTimers(), new PushWaker(push, wakeups));
        registrations.attach(outbound);
        presence.publishAll();
        log.info("SIP on {}:{} (UDP, TCP){}, RTP {} on {}, {} call loops on {}", settings.sipAddress(), sip.port(),
                sip.host().tlsPort() > 0 ? ", TLS on " + settings.tls().listen().host() + ":" + sip.host().tlsPort() : "",
                settings.rtpPorts(), settings.rtpBind(), threads, loops.transport());
        return new Gateway(loops, rtp, playouts, writer, loop, acd, b2bua, presence, sip, registrations, certificate,
                push);
    }

    /** The TLS certificate of {@code sip.tls}, watched for renewals; none without TLS. */
    private static Optional<ServerCertificate> certificate(SipTls tls) throws SipException {
        if (tls == null) {
            return Optional.empty();
        }
        try {
            ServerCertificate c = ServerCertificate.load(tls.certificate(), tls.key());
            c.watch(CERTIFICATE_CHECK);
            return Optional.of(c);
        } catch (IOException e) {
            throw new SipException("sip.tls: " + e.getMessage(), e);
        }
    }

    private static SipStackSettings stackSettings(Settings s, Optional<ServerCertificate> certificate) {
        SipStackSettings stack = SipStackSettings.server("acd-" + STACKS.incrementAndGet(), s.sipAddress(), s.sipPort())
                .withTcp(s.tcp());
        return certificate.map(c -> stack.withTls(new TlsListen(s.tls().listen().host(), s.tls().listen().port(),
                c.context()))).orElse(stack);
    }

    /** Recordings and voicemails a crash left open get their WAV headers completed before new ones start. */
    private static void repairRecordings(CallDirectory directory) {
        for (Path dir : List.of(directory.recordingsDir(), directory.voicemailDir())) {
            try {
                RecordingRepair.repair(dir);
            } catch (IOException e) {
                log.warn("recordings under {} could not be checked for repair: {}", dir, e.toString());
            }
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("RTP bind address " + host + " is not an address", e);
        }
    }

    /** Takes a reloaded config's agents into presence (new device-only agents become reachable). */
    public void reconfigure(config.model.AcdConfig next) {
        presence.publishAll();
        push.configure(next.push());
    }

    /** Where phones that sleep between calls are woken (RFC 8599); off until configured. */
    public PushGateway push() {
        return push;
    }

    /** The TLS certificate in use, when the server speaks TLS. */
    public Optional<ServerCertificate> tlsCertificate() {
        return certificate;
    }

    /** The SIP port, UDP and TCP. */
    public int sipPort() {
        return sip.port();
    }

    /** The SIP side: stack, registrar, dialogs and transactions. */
    public SipServer sip() {
        return sip;
    }

    /** Commands and queries for the routing core. */
    public AcdCommands acd() {
        return acd;
    }

    /** The server's registrations at its trunks: apply a config's, read their states. */
    public TrunkRegistrations trunks() {
        return trunks;
    }

    public B2bua b2bua() {
        return b2bua;
    }

    public RtpEngine rtp() {
        return rtp;
    }

    public AgentPresence presence() {
        return presence;
    }

    @Override
    public void close() {
        // calls end with a BYE and their record while SIP still runs; one that will not is cut short
        b2bua.hangUpAll("the server is stopping");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (b2bua.activeCalls() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        // un-REGISTER while SIP still runs
        trunks.close();
        sip.close();
        certificate.ifPresent(ServerCertificate::close);
        loop.close();
        playouts.close();
        loops.close();
        // after the loops: calls ended by the shutdown have handed their last audio over
        writer.close();
    }
}
