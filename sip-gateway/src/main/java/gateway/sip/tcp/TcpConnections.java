package gateway.sip.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open TCP connections of one SIP stack, against its {@link TcpLimits}: admits or refuses each
 * accepted connection by the caps, and closes connections idle past the timeout unless a phone
 * registered over them or a dialog lives on them. A refusal is logged once per source address per
 * {@link #REPORT_INTERVAL}, with the count since the last report, so a flood cannot flood the log.
 */
public final class TcpConnections {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnections.class);
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);
    private static final long MAX_SWEEP_PERIOD_MS = 5_000;

    private final TcpLimits limits;
    private final Set<GuardedChannel> open = ConcurrentHashMap.newKeySet();
    /** Accepted connections per source; only the selector thread adds, any thread removes. */
    private final Map<InetAddress, Integer> perSource = new ConcurrentHashMap<>();
    private final Map<InetAddress, Refusals> refusals = new ConcurrentHashMap<>();
    private volatile Supplier<Set<InetSocketAddress>> registeredFrom = Set::of;

    private record Refusals(long sinceMs, int count) {
    }

    public TcpConnections(TcpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public TcpLimits limits() {
        return limits;
    }

    /**
     * Where the current registrations came from: a connection whose remote address is among them
     * stays open, the registrar reaching the phone over it. Asked once per sweep that finds an idle connection.
     */
    public void keepRegistered(Supplier<Set<InetSocketAddress>> value) {
        registeredFrom = Objects.requireNonNull(value);
    }

    /** Connections open now, accepted and our own. */
    public int open() {
        return open.size();
    }

    /** On the selector thread, for each accepted connection: whether it is within the caps (and is then counted). */
    boolean admit(InetAddress source) {
        if (open.size() >= limits.maxConnections()) {
            refused(source, "maxConnections=" + limits.maxConnections());
            return false;
        }
        if (perSource.merge(source, 1, Integer::sum) > limits.maxPerSource()) {
            release(source);
            refused(source, "maxPerSource=" + limits.maxPerSource());
            return false;
        }
        return true;
    }

    void opened(GuardedChannel channel) {
        open.add(channel);
    }

    void closed(GuardedChannel channel) {
        if (open.remove(channel) && channel.accepted()) {
            release(channel.peer().getAddress());
        }
    }

    private void release(InetAddress source) {
        perSource.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
    }

    private void refused(InetAddress source, String limit) {
        long now = nowMs();
        long interval = REPORT_INTERVAL.toMillis();
        Refusals before = refusals.get(source);
        boolean report = before == null || now - before.sinceMs() >= interval;
        refusals.put(source, report ? new Refusals(now, 1) : new Refusals(before.sinceMs(), before.count() + 1));
        if (report) {
            String earlier = before == null ? "" : " (" + before.count() + " refused since the last report)";
            LOG.warn("SIP connection (TCP or TLS) from {} refused: {} reached{}; further refusals from it are reported at most every {} s",
                    source.getHostAddress(), limit, earlier, REPORT_INTERVAL.toSeconds());
        }
    }

    /** Wall-clock time: the RI stamps a connection's last activity with it. */
    private static long nowMs() {
        return System.currentTimeMillis();
    }

    /** How often {@link #sweep} should run: often enough that a connection outlives its timeout by a quarter at most. */
    long sweepPeriodMs() {
        return Math.max(10, Math.min(MAX_SWEEP_PERIOD_MS, limits.idleTimeout().toMillis() / 4));
    }

    /**
     * Closes every connection idle past the timeout that no phone registered over and no live
     * dialog uses; {@code liveCallIds} is asked only when some connection is idle.
     */
    void sweep(Supplier<Set<String>> liveCallIds) {
        long now = nowMs();
        long idleMs = limits.idleTimeout().toMillis();
        Set<InetSocketAddress> registered = null;
        Set<String> live = null;
        for (GuardedChannel c : open) {
            if (now - c.getLastActivityTimestamp() < idleMs) {
                continue;
            }
            registered = registered != null ? registered : registeredFrom.get();
            live = live != null ? live : liveCallIds.get();
            if (!registered.contains(c.peer()) && !c.carriesDialog(live)) {
                LOG.debug("closing SIP connection {}: idle for {} ms", c.peer(), now - c.getLastActivityTimestamp());
                c.close();
            }
        }
        refusals.values().removeIf(r -> now - r.sinceMs() >= 2 * REPORT_INTERVAL.toMillis());
    }
}
