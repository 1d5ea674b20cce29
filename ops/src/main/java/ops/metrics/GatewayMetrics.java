package ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The gateway's series. Every counter is registered up front, so the hot path is a map lookup
 * and an add, and all series exist (at 0) from the first scrape.
 */
final class GatewayMetrics implements GatewayMeters {
    /**
     * Methods we count by name; anything else a peer sends is counted as OTHER, so a stranger
     * cannot grow the series without bound by inventing method names.
     */
    static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO",
            "PRACK", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH");
    static final String OTHER_METHOD = "OTHER";
    /** Status classes 1xx..6xx, then "other" for a code outside 100..699. */
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx", "6xx", "other"};

    private final Map<String, Counter> requestsIn;
    private final Map<String, Counter> requestsOut;
    private final Counter[] responsesIn;
    private final Counter[] responsesOut;
    private final Counter recordings;
    private final Counter reloadsOk;
    private final Counter reloadsError;
    private volatile GatewayGauges gauges = GatewayGauges.ZERO;

    GatewayMetrics(MeterRegistry registry) {
        requestsIn = requestCounters(registry, "in");
        requestsOut = requestCounters(registry, "out");
        responsesIn = responseCounters(registry, "in");
        responsesOut = responseCounters(registry, "out");
        recordings = Counter.builder("acd.recordings").description("Call recordings started")
                .register(registry);
        reloadsOk = reloads(registry, "ok");
        reloadsError = reloads(registry, "error");
        gauge(registry, "acd.registrations", "Registered contacts", GatewayGauges::registrations);
        gauge(registry, "acd.active.calls", "Calls in progress, any phase", GatewayGauges::activeCalls);
        gauge(registry, "acd.active.legs", "SIP dialog legs in progress", GatewayGauges::activeLegs);
        FunctionCounter.builder("acd.rtp.packets.relayed", this, m -> m.gauges.rtpPacketsRelayed().getAsLong())
                .description("RTP packets relayed").register(registry);
        FunctionCounter.builder("acd.rtp.packets.lost", this, m -> m.gauges.rtpPacketsLost().getAsLong())
                .description("RTP packets lost (sequence gaps)").register(registry);
    }

    /** From now on the gauges read the gateway's own figures. */
    void bind(GatewayGauges gauges) {
        this.gauges = Objects.requireNonNull(gauges, "gauges");
    }

    @Override
    public void sipRequestReceived(String method) {
        request(requestsIn, method).increment();
    }

    @Override
    public void sipRequestSent(String method) {
        request(requestsOut, method).increment();
    }

    @Override
    public void sipResponseReceived(int status) {
        responsesIn[classIndex(status)].increment();
    }

    @Override
    public void sipResponseSent(int status) {
        responsesOut[classIndex(status)].increment();
    }

    @Override
    public void recordingWritten() {
        recordings.increment();
    }

    @Override
    public void configReloaded(boolean ok) {
        (ok ? reloadsOk : reloadsError).increment();
    }

    private static Counter request(Map<String, Counter> counters, String method) {
        Counter c = method == null ? null : counters.get(method);
        if (c == null && method != null) {
            // SIP method names are case-sensitive (RFC 3261 7.1), but a lower-case INVITE is still an INVITE attempt
            c = counters.get(method.toUpperCase(Locale.ROOT));
        }
        return c != null ? c : counters.get(OTHER_METHOD);
    }

    static int classIndex(int status) {
        return status >= 100 && status <= 699 ? status / 100 - 1 : CLASSES.length - 1;
    }

    private static Map<String, Counter> requestCounters(MeterRegistry registry, String direction) {
        Map<String, Counter> counters = new HashMap<>();
        for (String method : METHODS) {
            counters.put(method, requestCounter(registry, direction, method));
        }
        counters.put(OTHER_METHOD, requestCounter(registry, direction, OTHER_METHOD));
        return Map.copyOf(counters);
    }

    private static Counter requestCounter(MeterRegistry registry, String direction, String method) {
        return Counter.builder("acd.sip.requests").description("SIP requests by method, received (in) or sent (out)")
                .tag("direction", direction).tag("method", method).register(registry);
    }

    private static Counter[] responseCounters(MeterRegistry registry, String direction) {
        Counter[] counters = new Counter[CLASSES.length];
        for (int i = 0; i < CLASSES.length; i++) {
            counters[i] = Counter.builder("acd.sip.responses")
                    .description("SIP responses by status class, received (in) or sent (out)")
                    .tag("direction", direction).tag("class", CLASSES[i]).register(registry);
        }
        return counters;
    }

    private static Counter reloads(MeterRegistry registry, String result) {
        return Counter.builder("acd.config.reloads").description("Config reloads by result")
                .tag("result", result).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       Function<GatewayGauges, LongSupplier> which) {
        Gauge.builder(name, this, m -> which.apply(m.gauges).getAsLong()).description(description)
                .strongReference(true).register(registry);
    }
}
