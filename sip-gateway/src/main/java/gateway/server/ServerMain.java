package gateway.server;

import acd.agent.AgentSpec;
import acd.event.AcdEvent;
import config.build.AcdSpecs;
import config.model.AcdConfig;
import config.model.PortRange;
import config.model.SipTcp;
import config.reload.ConfigReloader;
import config.reload.ConfigWatcher;
import config.reload.EngineApplier;
import config.validate.ConfigLoader;
import gateway.sip.auth.DigestAlgorithm;
import gateway.sip.tcp.TcpLimits;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.sip.SipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server process around a {@link Gateway}: started from a loaded config, reloading the
 * config when the file is saved (or on SIGHUP), stopped by SIGTERM/SIGINT.
 */
public final class ServerMain implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerMain.class);
    private static final Logger events = LoggerFactory.getLogger("acd.events");

    private final Gateway gateway;
    private final Operations operations;
    private final ConfigReloader reloader;
    private final ConfigWatcher watcher;
    private final TrunkAddresses.Refresh trunkDns;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ServerMain(Gateway gateway, Operations operations, ConfigReloader reloader, ConfigWatcher watcher,
                       TrunkAddresses.Refresh trunkDns) {
        this.gateway = gateway;
        this.operations = operations;
        this.reloader = reloader;
        this.watcher = watcher;
        this.trunkDns = trunkDns;
    }

    /** Starts everything the config describes; the config must already be valid. */
    public static ServerMain start(AcdConfig config, ConfigLoader loader) throws SipException, IOException {
        ConfiguredDirectory directory = new ConfiguredDirectory(config, Clock.systemDefaultZone());
        Operations operations;
        try {
            operations = Operations.open(config);
        } catch (SQLException e) {
            throw new IOException("call records: " + e.getMessage(), e);
        }
        SavedRegistrations registrations = operations.registrations();
        LastRun lastRun;
        try {
            // read before the gateway could answer a call, so none counts twice
            lastRun = new LastRun(registrations.lastRun(System.currentTimeMillis()), operations.lastStatuses(),
                    operations.answeredEarlierToday());
        } catch (SQLException e) {
            operations.close();
            throw new IOException("registrations: " + e.getMessage(), e);
        }
        List<AgentSpec> agents = AcdSpecs.agents(config);
        String away = lastRun.away(agents.stream().map(AgentSpec::id).toList());
        if (!away.isEmpty()) {
            log.info("agents start as the records left them before this start: {}", away);
        }
        Gateway gateway = Gateway.start(settings(config), directory, directory,
                directory::trunks, agents, AcdSpecs.queues(config),
                operations.observers(ServerMain::logEvent), registrations, lastRun);
        gateway.push().configure(config.push());
        ConfigReloader reloader = new ConfigReloader(config.source(), loader, config, Clock.systemUTC());
        reloader.addListener((next, diff) -> directory.update(next));
        reloader.addListener(new EngineApplier(gateway.acd()));
        reloader.addListener((next, diff) -> gateway.reconfigure(next));
        // after the directory took the reload in: its trunk routes are the new ones
        reloader.addListener((next, diff) -> gateway.trunks().apply(directory.registrations()));
        gateway.trunks().apply(directory.registrations());
        reloader.addListener((next, diff) -> operations.reconfigure(next));
        try {
            operations.serve(config, gateway, reloader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the admin API", e);
        } catch (RuntimeException e) {
            gateway.close();
            operations.close();
            throw e;
        }
        ConfigWatcher watcher = reloader.watch(ConfigReloader.DEFAULT_DEBOUNCE);
        // trunk names are looked up here and at each reload, then refreshed off the call loops;
        // a registration whose trunk now resolves elsewhere (or at last resolves) registers anew
        TrunkAddresses.Refresh trunkDns = directory.trunkAddresses().refreshEvery(TrunkAddresses.DEFAULT_REFRESH,
                () -> gateway.trunks().apply(directory.registrations()));
        return new ServerMain(gateway, operations, reloader, watcher, trunkDns);
    }

    public Gateway gateway() {
        return gateway;
    }

    /** Where the admin API listens. */
    public InetSocketAddress adminAddress() {
        return operations.adminAddress();
    }

    public ConfigReloader reloader() {
        return reloader;
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    static Gateway.Settings settings(AcdConfig config) {
        String listen = config.sip().listen().host();
        String advertise = config.sip().advertise() != null ? config.sip().advertise() : autoAdvertise(listen);
        PortRange rtp = config.rtp().ports();
        List<DigestAlgorithm> digest = ConfiguredDirectory.digestAlgorithms(config.sip().digest());
        return new Gateway.Settings(listen, config.sip().listen().port(), config.sip().domain(), advertise, listen,
                rtp, config.rtp().timeout(), 0, 10_000, digest, config.sip().nat(), config.sip().sessionTimers(),
                tcpLimits(config.sip().tcp()), config.sip().tls());
    }

    private static TcpLimits tcpLimits(SipTcp tcp) {
        return new TcpLimits(tcp.idleTimeout(), tcp.maxConnections(), tcp.maxPerSource());
    }

    /**
     * The address phones should reach us at: the listen address when it is a specific one,
     * otherwise the local address of the route to the outside (no packet is sent), or loopback.
     */
    static String autoAdvertise(String listen) {
        try {
            InetAddress bound = InetAddress.getByName(listen);
            if (!bound.isAnyLocalAddress()) {
                return bound.getHostAddress();
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 9));
                InetAddress local = probe.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local.getHostAddress();
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("advertise auto: {}", e.toString());
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** Call outcomes at INFO (one line per call step), ring and agent-state detail at DEBUG. */
    private static void logEvent(AcdEvent e) {
        if (e instanceof AcdEvent.CallQueued q) {
            // logged before routing: callers ahead that already ring an agent wait for nobody, so say how many
            events.info("call {}: joins queue {} at position {}{}", q.callId(), q.queueId(), q.position(),
                    q.ringingAhead() == 0 ? "" : " (" + q.ringingAhead() + " ahead already ringing an agent)");
        } else if (e instanceof AcdEvent.CallAnswered a) {
            events.info("call {}: answered by agent {} after {} ms in queue {}", a.callId(), a.agentId(), a.waitMs(),
                    a.queueId());
        } else if (e instanceof AcdEvent.CallEnded c) {
            events.info("call {}: queue {} outcome {}{}, waited {} ms, talked {} ms", c.callId(), c.queueId(), c.outcome(),
                    c.agentId() == null ? "" : " by agent " + c.agentId(), c.waitMs(), c.talkMs());
        } else if (e instanceof AcdEvent.AgentReachabilityChanged r) {
            events.info("agent {} {}", r.agentId(), r.reachable() ? "reachable: offered calls while available"
                    : "unreachable: no phone registered, no device");
        } else if (e instanceof AcdEvent.AgentOwnCallChanged o) {
            events.info("agent {} {} (call {})", o.agentId(), o.onOwnCall() ? "on a call of their own: not offered calls"
                    : "off their own calls", o.callId());
        } else if (e instanceof AcdEvent.AgentStatusChanged s) {
            events.info("agent {} status {} -> {}{}", s.agentId(), s.from(), s.to(), why(s.reason()));
        } else if (e instanceof AcdEvent.AgentStateChanged s) {
            events.info("agent {} {} -> {}{}", s.agentId(), s.from(), s.to(), why(s.reason()));
        } else {
            events.debug("{}", e);
        }
    }

    /** " (reason)", or nothing for none: no "null" in a log line. */
    private static String why(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }

    @Override
    public void close() {
        try {
            watcher.close();
            trunkDns.close();
        } finally {
            gateway.close();
            operations.close();
            stopped.countDown();
        }
    }
}
