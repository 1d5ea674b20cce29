package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway's series: counted through {@link GatewayMeters}, read through {@link GatewayGauges}. */
class GatewaySeriesTest {
    @Test
    void sipRequestsByMethodAndResponsesByClass() {
        try (AcdMetrics metrics = new AcdMetrics(() -> 0)) {
            GatewayMeters g = metrics.gateway();
            g.sipRequestReceived("INVITE");
            g.sipRequestReceived("INVITE");
            g.sipRequestReceived("REGISTER");
            g.sipRequestReceived("FROBNICATE"); // a stranger's method must not grow the series
            g.sipRequestSent("INVITE");
            g.sipRequestSent("BYE");
            g.sipResponseSent(100);
            g.sipResponseSent(180);
            g.sipResponseSent(200);
            g.sipResponseReceived(486);
            g.sipResponseReceived(503);
            g.sipResponseReceived(42);

            PrometheusText m = PrometheusText.parse(metrics.scrape());
            assertEquals(2, sip(m, "in", "INVITE"));
            assertEquals(1, sip(m, "in", "REGISTER"));
            assertEquals(1, sip(m, "in", "OTHER"));
            assertEquals(0, sip(m, "in", "BYE"));
            assertEquals(1, sip(m, "out", "INVITE"));
            assertEquals(1, sip(m, "out", "BYE"));
            assertTrue(m.find("acd_sip_requests_total", "method", "FROBNICATE").isEmpty());
            assertEquals(2, m.value("acd_sip_responses_total", "direction", "out", "class", "1xx"));
            assertEquals(1, m.value("acd_sip_responses_total", "direction", "out", "class", "2xx"));
            assertEquals(1, m.value("acd_sip_responses_total", "direction", "in", "class", "4xx"));
            assertEquals(1, m.value("acd_sip_responses_total", "direction", "in", "class", "5xx"));
            assertEquals(1, m.value("acd_sip_responses_total", "direction", "in", "class", "other"));
            assertEquals(0, m.value("acd_sip_responses_total", "direction", "in", "class", "6xx"));
        }
    }

    @Test
    void recordingsAndReloadsAreCounted() {
        try (AcdMetrics metrics = new AcdMetrics(() -> 0)) {
            metrics.gateway().recordingWritten();
            metrics.gateway().recordingWritten();
            metrics.gateway().configReloaded(true);
            metrics.gateway().configReloaded(false);
            metrics.gateway().configReloaded(true);

            PrometheusText m = PrometheusText.parse(metrics.scrape());
            assertEquals(2, m.value("acd_recordings_total"));
            assertEquals(2, m.value("acd_config_reloads_total", "result", "ok"));
            assertEquals(1, m.value("acd_config_reloads_total", "result", "error"));
        }
    }

    @Test
    void gaugesReadTheGatewaysFiguresAtScrapeTime() {
        try (AcdMetrics metrics = new AcdMetrics(() -> 0)) {
            PrometheusText before = PrometheusText.parse(metrics.scrape());
            for (String name : List.of("acd_registrations", "acd_active_calls", "acd_active_legs",
                    "acd_rtp_packets_relayed_total", "acd_rtp_packets_lost_total")) {
                assertEquals(0, before.value(name), name + " before the gateway binds");
            }
            AtomicLong registrations = new AtomicLong(3);
            AtomicLong calls = new AtomicLong(2);
            AtomicLong relayed = new AtomicLong(1_000);
            metrics.bindGateway(new GatewayGauges(registrations::get, calls::get, () -> 2 * calls.get(),
                    relayed::get, () -> 7));
            registrations.set(4);
            relayed.addAndGet(500);

            PrometheusText m = PrometheusText.parse(metrics.scrape());
            assertEquals(4, m.value("acd_registrations"));
            assertEquals(2, m.value("acd_active_calls"));
            assertEquals(4, m.value("acd_active_legs"));
            assertEquals(1_500, m.value("acd_rtp_packets_relayed_total"));
            assertEquals(7, m.value("acd_rtp_packets_lost_total"));
        }
    }

    @Test
    void jvmSeriesAreThere() {
        try (AcdMetrics metrics = new AcdMetrics(() -> 0)) {
            PrometheusText m = PrometheusText.parse(metrics.scrape());
            for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "system_cpu_count",
                    "process_uptime_seconds", "jvm_gc_memory_allocated_bytes_total")) {
                assertTrue(m.has(name), name + " in " + m.names());
            }
        }
    }

    private static double sip(PrometheusText m, String direction, String method) {
        return m.value("acd_sip_requests_total", "direction", direction, "method", method);
    }
}
