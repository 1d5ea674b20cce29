package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** Service level: answered within the queue's threshold / (offered - abandoned within 5 s), since start: the reports' rule. */
class ServiceLevelTest {
    @Test
    void eachQueueAgainstItsOwnThresholdShortAbandonsLeftOut() {
        Map<String, Duration> thresholds = Map.of("support", Duration.ofSeconds(10));
        try (CoreRig rig = new CoreRig(thresholds::get)) { // sales has none: null means the default 20 s
            rig.agents("ann", "bob").queue("sales", "ann").queue("support", "bob").apply().online("ann", "bob");
            assertTrue(Double.isNaN(rig.scrape().value("acd_queue_service_level_ratio", "queue", "sales")),
                    "no call yet is no service level");

            answer(rig, "s1", "sales", 5);
            answer(rig, "s2", "sales", 20); // on the threshold counts as within
            answer(rig, "s3", "sales", 25);
            abandon(rig, "s4", "sales", 30);
            abandon(rig, "s5", "sales", 2); // a short abandon: not a caller we failed
            answer(rig, "p1", "support", 5);
            answer(rig, "p2", "support", 15);

            PrometheusText m = rig.scrape();
            assertEquals(0.5, m.value("acd_queue_service_level_ratio", "queue", "sales"), 1e-9);
            assertEquals(2, m.value("acd_queue_service_level_met_total", "queue", "sales"));
            assertEquals(4, m.value("acd_queue_service_level_calls_total", "queue", "sales"));
            assertEquals(0.5, m.value("acd_queue_service_level_ratio", "queue", "support"), 1e-9);
            assertEquals(2, m.value("acd_calls_total", "queue", "sales", "outcome", "abandoned"));
        }
    }

    /** The queue's agent answers after {@code waitS}, talks 10 s and hangs up. */
    private static void answer(CoreRig rig, String callId, String queue, int waitS) {
        rig.call(callId, queue);
        rig.answerAfter(callId, Duration.ofSeconds(waitS));
        rig.advance(Duration.ofSeconds(10));
        rig.hangup(callId);
    }

    /** The caller gives up after {@code waitS}, while the queue's agent does not answer. */
    private static void abandon(CoreRig rig, String callId, String queue, int waitS) {
        rig.call(callId, queue);
        rig.advance(Duration.ofSeconds(waitS));
        rig.hangup(callId);
        rig.port.clear();
    }
}
