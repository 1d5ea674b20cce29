package ops.metrics;

import acd.call.CallOutcome;
import acd.call.RingEnd;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import ops.reports.SqlReports;

/**
 * One queue's series. Written only on the core's loop (through {@link AcdMetrics#onEvent});
 * read on the scrape thread through meters, atomics and a concurrent map, never a lock.
 */
final class QueueMetrics {
    private static final Duration[] BUCKETS = {Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300)};

    private final LongSupplier clockMs;
    private final Counter offered;
    private final Counter rings;
    private final Map<CallOutcome, Counter> calls = new EnumMap<>(CallOutcome.class);
    private final Map<RingEnd, Counter> missed = new EnumMap<>(RingEnd.class);
    private final Timer waits;
    private final Timer talks;
    /** Callers in the line now: call id to the core's time (ms) it joined. */
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();
    private final AtomicLong answeredInThreshold = new AtomicLong();
    private final AtomicLong serviceLevelCalls = new AtomicLong();

    QueueMetrics(MeterRegistry registry, String queueId, LongSupplier clockMs) {
        this.clockMs = clockMs;
        offered = counter(registry, "acd.calls.offered", queueId, "Calls presented to the queue, refused ones included");
        rings = counter(registry, "acd.rings", queueId, "Agents rung for the queue's calls");
        for (CallOutcome outcome : CallOutcome.values()) {
            calls.put(outcome, Counter.builder("acd.calls").description("Calls that left the queue, by outcome")
                    .tag("queue", queueId).tag("outcome", label(outcome)).register(registry));
        }
        for (RingEnd reason : RingEnd.values()) {
            missed.put(reason, Counter.builder("acd.rings.missed").description("Rings that ended unanswered, by why")
                    .tag("queue", queueId).tag("reason", label(reason)).register(registry));
        }
        waits = timer(registry, "acd.queue.wait", queueId, "Wait from joining the queue to an agent's answer",
                Duration.ofMinutes(30));
        talks = timer(registry, "acd.queue.talk", queueId, "Talk time of answered calls", Duration.ofHours(4));
        Gauge.builder("acd.queue.waiting.calls", waitingSince, Map::size).description("Callers in the queue now")
                .tag("queue", queueId).register(registry);
        Gauge.builder("acd.queue.longest.wait", this, QueueMetrics::longestWaitSeconds).baseUnit("seconds")
                .description("Longest wait of a caller in the queue now").tag("queue", queueId).register(registry);
        Gauge.builder("acd.queue.service.level", this, QueueMetrics::serviceLevel).baseUnit("ratio")
                .description("Answered within the queue's threshold / (offered - abandoned within 5 s), since start")
                .tag("queue", queueId).register(registry);
        FunctionCounter.builder("acd.queue.service.level.met", answeredInThreshold, AtomicLong::get)
                .description("Calls answered within the queue's service level threshold")
                .tag("queue", queueId).register(registry);
        FunctionCounter.builder("acd.queue.service.level.calls", serviceLevelCalls, AtomicLong::get)
                .description("Calls counted for service level: every offered call but those abandoned within 5 s")
                .tag("queue", queueId).register(registry);
    }

    void queued(String callId, long atMs) {
        offered.increment();
        waitingSince.put(callId, atMs);
    }

    void ringing() {
        rings.increment();
    }

    void missed(RingEnd reason) {
        missed.get(reason).increment();
    }

    void answered(String callId, long waitMs, long thresholdMs) {
        waitingSince.remove(callId);
        waits.record(waitMs, TimeUnit.MILLISECONDS);
        // the denominator first: serviceLevel() reads the numerator first, so it never sees a ratio above 1
        serviceLevelCalls.incrementAndGet();
        if (waitMs <= thresholdMs) {
            answeredInThreshold.incrementAndGet();
        }
    }

    void ended(String callId, CallOutcome outcome, long waitMs, long talkMs) {
        boolean wasInLine = waitingSince.remove(callId) != null;
        if (!outcome.answered() && !wasInLine) {
            offered.increment(); // refused at the door (queue full, no agents, unknown queue): offered, never queued
        }
        calls.get(outcome).increment();
        if (outcome.answered()) {
            talks.record(talkMs, TimeUnit.MILLISECONDS); // counted towards the service level when answered
        } else if (outcome != CallOutcome.ABANDONED || waitMs >= SqlReports.SHORT_ABANDON_MS) {
            // the same rule as the reports: offered calls but short abandons (timed out, refused: failed)
            serviceLevelCalls.incrementAndGet();
        }
    }

    double longestWaitSeconds() {
        long oldest = Long.MAX_VALUE;
        for (long since : waitingSince.values()) {
            oldest = Math.min(oldest, since);
        }
        return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clockMs.getAsLong() - oldest) / 1000.0;
    }

    /** NaN until a call counts: no calls is no service level, not 0 % or 100 %. */
    double serviceLevel() {
        long met = answeredInThreshold.get();
        long all = serviceLevelCalls.get();
        return all == 0 ? Double.NaN : (double) met / all;
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Counter counter(MeterRegistry registry, String name, String queueId, String description) {
        return Counter.builder(name).description(description).tag("queue", queueId).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String name, String queueId, String description, Duration max) {
        return Timer.builder(name).description(description).tag("queue", queueId)
                .publishPercentileHistogram().serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(max)
                .register(registry);
    }
}
