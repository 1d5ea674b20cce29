package ops.metrics;

import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import ops.reports.SqlReports;

/**
 * The server's Prometheus metrics: the routing core's queues and agents (as its
 * {@link AcdEventListener}), the gateway's SIP, RTP, recording and reload figures (through
 * {@link #gateway()} and {@link #bindGateway}), and the JVM's.
 * <p>
 * {@link #onEvent} runs on the core's loop: it only bumps counters and atomics, and registers a
 * queue's meters the first time the queue is seen. {@link #scrape()} runs on the HTTP thread.
 */
public final class AcdMetrics implements AcdEventListener, AutoCloseable {
    /** The service level threshold of a queue that sets none. */
    public static final Duration DEFAULT_SERVICE_LEVEL = SqlReports.DEFAULT_SERVICE_LEVEL;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LongSupplier clockMs;
    private final Function<String, Duration> serviceLevel;
    private final Map<String, QueueMetrics> queues = new ConcurrentHashMap<>();
    private final AgentMetrics agents;
    private final GatewayMetrics gateway;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** Every queue's service level threshold is {@link #DEFAULT_SERVICE_LEVEL}. */
    public AcdMetrics(LongSupplier clockMs) {
        this(clockMs, queueId -> DEFAULT_SERVICE_LEVEL);
    }

    /**
     * @param clockMs      the core's clock (the same milliseconds as the events' {@code atMs},
     *                     e.g. {@code AcdLoop.monotonicWallClock()}): longest waits are read against it
     * @param serviceLevel a queue's service level threshold, read at each answer so a reload
     *                     applies to the next call; null means {@link #DEFAULT_SERVICE_LEVEL}
     */
    public AcdMetrics(LongSupplier clockMs, Function<String, Duration> serviceLevel) {
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.serviceLevel = Objects.requireNonNull(serviceLevel, "serviceLevel");
        agents = new AgentMetrics(registry);
        gateway = new GatewayMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** What the gateway counts with: SIP requests and responses, recordings, config reloads. */
    public GatewayMeters gateway() {
        return gateway;
    }

    /** The gateway's own figures, read at each scrape from now on (all 0 until bound). */
    public void bindGateway(GatewayGauges gauges) {
        gateway.bind(gauges);
    }

    /**
     * Registers the queues' series now, so a queue that has had no call yet still shows (at 0) on
     * dashboards and in the {@code queue} variable. Call at start and after each config reload,
     * from any thread; a queue seen first in an event is registered then. A removed queue keeps
     * its series until restart, as Prometheus counters should.
     */
    public void addQueues(Collection<String> queueIds) {
        queueIds.forEach(this::queue);
    }

    /** Every series in the Prometheus text format (0.0.4), for {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void onEvent(AcdEvent event) {
        // CallStateChanged needs nothing: the line is followed through CallQueued, CallAnswered and CallEnded
        if (event instanceof AcdEvent.CallQueued e) {
            queue(e.queueId()).queued(e.callId(), e.atMs());
        } else if (event instanceof AcdEvent.AgentRinging e) {
            queue(e.queueId()).ringing();
        } else if (event instanceof AcdEvent.RingNoAnswer e) {
            queue(e.queueId()).missed(e.reason());
        } else if (event instanceof AcdEvent.CallAnswered e) {
            queue(e.queueId()).answered(e.callId(), e.waitMs(), thresholdMs(e.queueId()));
        } else if (event instanceof AcdEvent.CallEnded e) {
            queue(e.queueId()).ended(e.callId(), e.outcome(), e.waitMs(), e.talkMs());
        } else if (event instanceof AcdEvent.AgentStatusChanged e) {
            agents.status(e.agentId(), e.from(), e.to());
        } else if (event instanceof AcdEvent.AgentStateChanged e) {
            agents.state(e.agentId(), e.from(), e.to());
        } else if (event instanceof AcdEvent.AgentReachabilityChanged e) {
            agents.reachable(e.agentId(), e.reachable());
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private QueueMetrics queue(String queueId) {
        QueueMetrics q = queues.get(queueId);
        // atomic, as addQueues may race the core's loop: a second QueueMetrics would register no gauge of its own
        return q != null ? q : queues.computeIfAbsent(queueId, id -> new QueueMetrics(registry, id, clockMs));
    }

    private long thresholdMs(String queueId) {
        Duration threshold = serviceLevel.apply(queueId);
        return (threshold == null ? DEFAULT_SERVICE_LEVEL : threshold).toMillis();
    }
}
