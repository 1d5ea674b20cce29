package acd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentSpec;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The production loop: commands posted from other threads, the port called on the loop thread. */
class AcdLoopTest {

    @Test
    void commandsFromOtherThreadsRingAndTimersFireOnTheLoop() throws Exception {
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(16);
        Thread[] loopThread = new Thread[1];
        CallControl port = new CallControl() {
            @Override
            public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
                loopThread[0] = Thread.currentThread();
                seen.add("ring " + agentId);
            }

            @Override
            public void cancelRing(String callId, String agentId, CancelReason reason) {
                seen.add("cancel " + agentId + " " + reason);
            }

            @Override
            public void bridge(String callId, String agentId) {
                seen.add("bridge " + agentId);
            }

            @Override
            public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
                seen.add("leave " + queueId + " " + outcome);
            }
        };
        var clock = AcdLoop.monotonicWallClock();
        AcdEngine engine = new AcdEngine(port, AcdEventListener.NONE, new SplittableRandom(1), ZoneOffset.UTC, clock.getAsLong());
        try (AcdLoop loop = new AcdLoop(engine, clock, "acd-test").start()) {
            QueueSpec q = QueueSpec.of("q", StrategyKind.PRIORITY, List.of(new MemberSpec("a", 1))).withRingTimeoutMs(50);
            loop.post((e, now) -> e.configure(List.of(AgentSpec.of("a")), List.of(q), now));
            loop.post((e, now) -> e.setReachable("a", true, now));
            loop.post((e, now) -> e.login("a", now));
            loop.post((e, now) -> e.enqueue("c1", "q", 0, now));
            assertEquals("ring a", seen.poll(10, TimeUnit.SECONDS));
            assertEquals("cancel a TIMEOUT", seen.poll(10, TimeUnit.SECONDS), "the ring timer fires on its own");
            assertEquals("ring a", seen.poll(10, TimeUnit.SECONDS), "the only agent is rung again");
            loop.post((e, now) -> e.logout("a", now));
            assertEquals(AgentStatus.LOGGED_OUT, loop.ask((e, now) -> e.agent("a").orElseThrow().status()).get(10, TimeUnit.SECONDS));
            assertEquals(1, loop.ask((e, now) -> e.queue("q").orElseThrow().waiting()).get(10, TimeUnit.SECONDS));
            assertTrue(loopThread[0] != Thread.currentThread());
        }
    }

    @Test
    void aBurstOfTimersFiresAcrossCyclesEachAtItsDeadlineAndCommandsStillRun() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        BlockingQueue<AcdEvent.CallEnded> ended = new LinkedBlockingQueue<>();
        AcdEngine engine = new AcdEngine(new RecordingCallControl(), e -> {
            if (e instanceof AcdEvent.CallEnded c) {
                ended.add(c);
            }
        }, new SplittableRandom(1), ZoneOffset.UTC, clock.get());
        int calls = 3 * AcdEngine.TIMER_CAP;
        try (AcdLoop loop = new AcdLoop(engine, clock::get, "acd-test").start()) {
            QueueSpec q = QueueSpec.of("q", StrategyKind.PRIORITY, List.of(new MemberSpec("a", 1)))
                    .withMaxWait(60_000);
            loop.ask((e, now) -> {
                e.configure(List.of(AgentSpec.of("a")), List.of(q), now);
                for (int i = 0; i < calls; i++) {
                    e.enqueue("c" + i, "q", 0, now + i);
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
            clock.addAndGet(120_000);
            loop.post((e, now) -> { });
            for (int i = 0; i < calls; i++) {
                AcdEvent.CallEnded e = ended.poll(10, TimeUnit.SECONDS);
                assertEquals("c" + i, e.callId(), "deadline order");
                assertEquals(1_000_000 + i + 60_000, e.atMs(), "each at its own deadline");
            }
            assertEquals(0, loop.ask((e, now) -> e.callCount()).get(10, TimeUnit.SECONDS));
        }
    }
}
