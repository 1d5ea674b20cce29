package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.RingEnd;
import acd.queue.NoAgentsPolicy;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** Queue series, moved by the real core's events as calls are made. */
class QueueSeriesTest {
    private final CoreRig rig = new CoreRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void callsOfferedAnsweredAndAbandonedPerQueue() {
        rig.agents("ann", "bob").queue("sales", "ann").queue("support", "bob").apply().online("ann", "bob");
        rig.call("c1", "sales");
        rig.answerAfter("c1", Duration.ofSeconds(3));
        rig.call("c2", "sales"); // ann is on c1: c2 waits, then gives up
        rig.advance(Duration.ofSeconds(30));
        rig.hangup("c2");
        rig.call("c3", "support");
        rig.answerAfter("c3", Duration.ofSeconds(2));
        rig.advance(Duration.ofSeconds(60));
        rig.hangup("c1");
        rig.hangup("c3");

        PrometheusText m = rig.scrape();
        assertEquals(2, m.value("acd_calls_offered_total", "queue", "sales"));
        assertEquals(1, m.value("acd_calls_offered_total", "queue", "support"));
        assertEquals(1, m.value("acd_calls_total", "queue", "sales", "outcome", "completed"));
        assertEquals(1, m.value("acd_calls_total", "queue", "sales", "outcome", "abandoned"));
        assertEquals(0, m.value("acd_calls_total", "queue", "sales", "outcome", "timed_out"));
        assertEquals(1, m.value("acd_calls_total", "queue", "support", "outcome", "completed"));
        assertEquals(0, m.value("acd_calls_total", "queue", "support", "outcome", "abandoned"));
        for (String queue : List.of("sales", "support")) {
            assertEquals(m.value("acd_calls_offered_total", "queue", queue), m.sum("acd_calls_total", "queue", queue),
                    "every offered call of " + queue + " has left with one outcome");
        }
    }

    @Test
    void waitingCallersGoUpThenDownAndTheLongestWaitGrowsWithTheClock() {
        rig.agents("ann").queue("sales", "ann").apply(); // ann never logs in: callers wait
        assertEquals(0, rig.scrape().sum("acd_queue_waiting_calls"));
        rig.call("c1", "sales");
        rig.advance(Duration.ofSeconds(10));
        rig.call("c2", "sales");
        rig.advance(Duration.ofSeconds(10));
        rig.call("c3", "sales");
        rig.advance(Duration.ofSeconds(25));

        PrometheusText m = rig.scrape();
        assertEquals(3, m.value("acd_queue_waiting_calls", "queue", "sales"));
        assertEquals(45.0, m.value("acd_queue_longest_wait_seconds", "queue", "sales"), 1e-9);
        rig.now += 5_000; // the gauge reads the clock at scrape time, with no event in between
        assertEquals(50.0, rig.scrape().value("acd_queue_longest_wait_seconds", "queue", "sales"), 1e-9);

        rig.hangup("c1");
        m = rig.scrape();
        assertEquals(2, m.value("acd_queue_waiting_calls", "queue", "sales"));
        assertEquals(40.0, m.value("acd_queue_longest_wait_seconds", "queue", "sales"), 1e-9);

        rig.online("ann"); // c2 is rung: still in line until answered
        assertEquals(2, rig.scrape().value("acd_queue_waiting_calls", "queue", "sales"));
        rig.answerAfter("c2", Duration.ofSeconds(1));
        rig.hangup("c3");
        m = rig.scrape();
        assertEquals(0, m.value("acd_queue_waiting_calls", "queue", "sales"));
        assertEquals(0, m.value("acd_queue_longest_wait_seconds", "queue", "sales"));
    }

    @Test
    void waitAndTalkHistogramsCountAndSumAnsweredCalls() {
        rig.agents("ann").queue("sales", "ann").apply().online("ann");
        long[][] waitAndTalk = {{4, 30}, {12, 90}, {25, 200}};
        for (int i = 0; i < waitAndTalk.length; i++) {
            rig.call("c" + i, "sales");
            rig.answerAfter("c" + i, Duration.ofSeconds(waitAndTalk[i][0]));
            rig.advance(Duration.ofSeconds(waitAndTalk[i][1]));
            rig.hangup("c" + i);
        }

        PrometheusText m = rig.scrape();
        assertEquals(3, m.value("acd_queue_wait_seconds_count", "queue", "sales"));
        assertEquals(41.0, m.value("acd_queue_wait_seconds_sum", "queue", "sales"), 1e-6);
        assertEquals(1, m.value("acd_queue_wait_seconds_bucket", "queue", "sales", "le", "5.0"));
        assertEquals(2, m.value("acd_queue_wait_seconds_bucket", "queue", "sales", "le", "20.0"));
        assertEquals(3, m.value("acd_queue_wait_seconds_bucket", "queue", "sales", "le", "30.0"));
        assertEquals(3, m.value("acd_queue_wait_seconds_bucket", "queue", "sales", "le", "+Inf"));
        assertEquals(3, m.value("acd_queue_talk_seconds_count", "queue", "sales"));
        assertEquals(320.0, m.value("acd_queue_talk_seconds_sum", "queue", "sales"), 1e-6);
        assertEquals(2, m.value("acd_queue_talk_seconds_bucket", "queue", "sales", "le", "120.0"));
    }

    @Test
    void ringsAndMissedRingsByReason() {
        rig.agents("ann", "bob").queue("sales", "ann", "bob").apply().online("ann", "bob");
        rig.call("c1", "sales");
        String first = rig.rung("c1");
        rig.advance(Duration.ofMillis(QueueSpec.DEFAULT_RING_TIMEOUT_MS)); // no answer: the next agent is rung
        String second = rig.rung("c1");
        assertTrue(!first.equals(second), "rang " + first + " twice");
        rig.engine.ringFailed("c1", second, RingEnd.REJECTED, rig.now);

        PrometheusText m = rig.scrape();
        assertTrue(m.value("acd_rings_total", "queue", "sales") >= 2);
        assertEquals(1, m.value("acd_rings_missed_total", "queue", "sales", "reason", "timeout"));
        assertEquals(1, m.value("acd_rings_missed_total", "queue", "sales", "reason", "rejected"));
        assertEquals(0, m.value("acd_rings_missed_total", "queue", "sales", "reason", "failed"));
    }

    @Test
    void callsRefusedAtTheDoorAreOfferedWithTheirOutcome() {
        rig.agents("ann").queue("sales", "ann")
                .queue(QueueSpec.of("night", StrategyKind.PRIORITY, List.of(new MemberSpec("ann", 1)))
                        .withWhenNoAgents(NoAgentsPolicy.FALLBACK))
                .queue(QueueSpec.of("small", StrategyKind.PRIORITY, List.of()).withMaxLength(1))
                .apply();
        rig.call("c1", "night");
        rig.call("c2", "small");
        rig.call("c3", "small");

        PrometheusText m = rig.scrape();
        assertEquals(1, m.value("acd_calls_offered_total", "queue", "night"));
        assertEquals(1, m.value("acd_calls_total", "queue", "night", "outcome", "no_agents"));
        assertEquals(2, m.value("acd_calls_offered_total", "queue", "small"));
        assertEquals(1, m.value("acd_calls_total", "queue", "small", "outcome", "queue_full"));
        assertEquals(1, m.value("acd_queue_waiting_calls", "queue", "small"));
    }

    @Test
    void aConfiguredQueueShowsBeforeItsFirstCall() {
        rig.agents("ann").queue("sales", "ann").queue("quiet").apply();
        PrometheusText m = rig.scrape();
        assertEquals(0, m.value("acd_queue_waiting_calls", "queue", "quiet"));
        assertEquals(0, m.value("acd_calls_offered_total", "queue", "quiet"));
        assertEquals(0, m.value("acd_queue_wait_seconds_count", "queue", "quiet"));
        assertTrue(Double.isNaN(m.value("acd_queue_service_level_ratio", "queue", "quiet")));
    }
}
