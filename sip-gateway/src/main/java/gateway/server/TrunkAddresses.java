package gateway.server;

import config.model.HostPort;
import config.model.Trunk;
import gateway.net.Addresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trunks' addresses, resolved when the config loads and again every so often on a thread of
 * its own, so that no call loop ever waits on DNS: a call reads the immutable map in force. A
 * lookup that fails keeps the last good address (warned once until the name resolves again); a
 * name that never resolved stays unresolved, and sending to it fails like any unreachable peer.
 */
public final class TrunkAddresses {
    private static final Logger log = LoggerFactory.getLogger(TrunkAddresses.class);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(60);

    /** DNS, or a fake in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress lookup(String host) throws UnknownHostException;
    }

    /** The periodic refresh; closing it stops the thread. */
    public interface Refresh extends AutoCloseable {
        @Override
        void close();
    }

    private final Resolver resolver;
    private final Object updates = new Object();
    private volatile List<Trunk> trunks = List.of();
    private volatile Map<String, InetSocketAddress> resolved = Map.of();
    private final Set<String> failing = new HashSet<>();

    public TrunkAddresses(Resolver resolver) {
        this.resolver = resolver;
    }

    public TrunkAddresses() {
        this(InetAddress::getByName);
    }

    /** Takes the trunks of a (re)loaded config and resolves them now, on the caller's thread. */
    public void update(List<Trunk> next) {
        trunks = List.copyOf(next);
        refresh();
    }

    /** Resolves every trunk again; what fails keeps its last good address. */
    public void refresh() {
        synchronized (updates) {
            Map<String, InetSocketAddress> previous = resolved;
            Map<String, InetSocketAddress> next = new HashMap<>();
            for (Trunk t : trunks) {
                next.put(t.id(), resolve(t, previous.get(t.id())));
            }
            resolved = Map.copyOf(next);
        }
    }

    /** The address of trunk {@code id} as last resolved, or null for no such trunk. Never a lookup. */
    public InetSocketAddress get(String id) {
        return resolved.get(id);
    }

    /**
     * Re-resolves every {@code interval} on a daemon thread until the returned handle is closed,
     * running {@code after} on that thread after each refresh.
     */
    public Refresh refreshEvery(Duration interval, Runnable after) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trunk-dns");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            refreshLogged();
            after.run();
        }, ms, ms, TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("trunk address refresh failed: {}", e.toString());
        }
    }

    private InetSocketAddress resolve(Trunk t, InetSocketAddress lastGood) {
        HostPort a = t.address();
        String key = t.id() + " " + a;
        try {
            InetSocketAddress now = new InetSocketAddress(resolver.lookup(a.host()), a.port());
            if (failing.remove(key)) {
                log.info("trunk {}: {} resolves again, to {}", t.id(), a, Addresses.ip(now.getAddress()));
            }
            return now;
        } catch (UnknownHostException e) {
            boolean known = lastGood != null && lastGood.getHostString().equals(a.host()) && !lastGood.isUnresolved();
            if (failing.add(key)) {
                log.warn("trunk {}: cannot resolve {} ({}); {}", t.id(), a, e.getMessage(),
                        known ? "keeping " + Addresses.ip(lastGood.getAddress()) : "calls to it fail until it resolves");
            }
            return known && lastGood.getPort() == a.port() ? lastGood : InetSocketAddress.createUnresolved(a.host(), a.port());
        }
    }
}
