package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ops.records.CallFacts.EndCause;
import ops.records.CallJournal;
import ops.records.Storage;
import ops.testkit.SseClient;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events} over real HTTP: the first snapshot, coalescing, unsubscribing, finished calls, refusals. */
class EventStreamTest {
    private static final String BEARER = "Bearer " + AdminRig.TOKEN;

    @Test
    void aNewSubscriberGetsRetryAndASnapshotAtOnce() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            queueCaller(rig);
            try (SseClient sse = new SseClient(rig.server.port(), "/api/events", BEARER)) {
                assertEquals(200, sse.status);
                assertEquals("text/event-stream; charset=utf-8", sse.headers.get("content-type"));
                assertEquals("no-store", sse.headers.get("cache-control"));
                assertEquals("no", sse.headers.get("x-accel-buffering"));
                assertEquals("2000", sse.next("retry").data());
                JsonNode snapshot = Json.MAPPER.readTree(sse.next("snapshot").data());
                assertTrue(snapshot.get("atMs").asLong() > 0);
                assertEquals(3, snapshot.get("agents").size());
                JsonNode sales = snapshot.get("queues").get(0);
                assertEquals("sales", sales.get("id").asText());
                assertEquals("+3725551234", sales.get("callers").get(0).get("callerNumber").asText());
                assertEquals(0, sales.get("today").get("offered").asLong());
                assertTrue(sales.get("today").get("serviceLevel").isNull());
                assertTrue(sales.has("serviceLevelMs"));
                JsonNode call = snapshot.get("calls").get(0);
                assertEquals("QUEUED", call.get("phase").asText());
                assertEquals(1, call.get("position").asInt());
                assertTrue(call.get("waitMs").isNumber());
            }
        }
    }

    @Test
    void aBurstOfCoreEventsGivesAFewSnapshotsNotOneEach() throws Exception {
        try (AdminRig rig = new AdminRig();
             SseClient sse = new SseClient(rig.server.port(), "/api/events", BEARER)) {
            LiveFeed feed = rig.server.live();
            sse.next("snapshot");
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                feed.onEvent(new AcdEvent.AgentReachabilityChanged(AdminRig.T0 + i, "a", i % 2 == 0));
            }
            long burstEnd = System.nanoTime();
            long snapshots = 0;
            long last;
            do {
                last = sse.next("snapshot").atNanos();
                snapshots++;
            } while (last < burstEnd); // up to the snapshot that shows the burst's last event
            long windowMs = (last - start) / 1_000_000;
            // at most one per MIN_GAP_MS, and one more for a flush due when the burst began
            assertTrue(snapshots <= 2 + windowMs / LiveFeed.MIN_GAP_MS,
                    snapshots + " snapshots for 1,000 events in " + windowMs + " ms");
        }
    }

    @Test
    void closingTheConnectionUnsubscribes() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            LiveFeed feed = rig.server.live();
            SseClient first = new SseClient(rig.server.port(), "/api/events", BEARER);
            SseClient second = new SseClient(rig.server.port(), "/api/events", BEARER);
            first.next("snapshot");
            second.next("snapshot");
            assertEquals(2, feed.subscribers());
            first.close();
            await(() -> feed.subscribers() == 1, "one subscriber left");
            second.close();
            await(() -> feed.subscribers() == 0, "no subscriber left");
        }
    }

    @Test
    void finishedCallsAreToldRightAfterTheirRecordsCommit(@TempDir Path dir) throws Exception {
        try (AdminRig rig = new AdminRig();
             TestDatabases.Fresh db = TestDatabases.Kind.SQLITE.fresh(dir)) {
            Storage storage = Storage.open(db.settings("acd1"));
            CallJournal journal = CallJournal.start(storage, queueId -> "help");
            try (SseClient sse = new SseClient(rig.server.port(), "/api/events", BEARER)) {
                journal.onCommitted(rig.server.live()::finished);
                sse.next("snapshot");
                long now = System.currentTimeMillis();
                journal.arrived("c7", now, "5000", "+3725550007", null, "trunk1");
                journal.ended("c7", now + 1_000, EndCause.CALLER_HUNG_UP);
                JsonNode finished = Json.MAPPER.readTree(sse.next("finished").data());
                assertEquals("c7", finished.get("callIds").get(0).asText());
                assertTrue(storage.records().get("c7").isPresent(), "queryable when told");
            } finally {
                journal.close();
            }
        }
    }

    @Test
    void theWallboardTokensStreamAndQueuesShowOnlyTheLastFourDigits() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            queueCaller(rig);
            try (SseClient viewer = new SseClient(rig.server.port(), "/api/events", "Bearer " + AdminRig.VIEW_TOKEN);
                 SseClient admin = new SseClient(rig.server.port(), "/api/events", BEARER)) {
                String seen = viewer.next("snapshot").data();
                assertTrue(seen.contains("\"•••1234\"") && !seen.contains("5551234"), seen);
                assertTrue(admin.next("snapshot").data().contains("\"+3725551234\""));
            }
            String queues = rig.send(rig.request("/api/queues").header("Authorization", "Bearer " + AdminRig.VIEW_TOKEN)
                    .GET()).body();
            assertTrue(queues.contains("\"•••1234\"") && !queues.contains("5551234"), queues);
        }
    }

    @Test
    void aReloadIsToldAsAConfigEvent() throws Exception {
        try (AdminRig rig = new AdminRig();
             SseClient sse = new SseClient(rig.server.port(), "/api/events", BEARER)) {
            sse.next("snapshot");
            rig.config.next = new ReloadResult(AdminRig.T0, "api", false,
                    List.of(new ReloadResult.Problem("acd.yaml", 12, 5, "queues[0].strategy: unknown")));
            rig.config.reload();
            rig.server.live().configChanged();
            JsonNode config = Json.MAPPER.readTree(sse.next("config").data());
            assertEquals(false, config.get("ok").asBoolean());
            assertEquals(12, config.get("errors").get(0).get("line").asInt());
        }
    }

    @Test
    void aSubscriberTooSlowToTakeSnapshotsGetsTheLatestWhenItCatchesUp() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            for (int i = 0; i < 3_000; i++) { // snapshots of about 700 KB: a few fill the high-water mark
                rig.live.add(new LiveCall("bulk-" + i, LiveCall.Phase.BRIDGED, "sales", "a", "+3725550000", "5000",
                        AdminRig.T0 + i, AdminRig.T0 + i));
            }
            LiveFeed feed = rig.server.live();
            try (SseClient slow = new SseClient(rig.server.port(), "/api/events", BEARER, 4_096, true)) {
                await(() -> {
                    feed.changed();
                    return feed.staleSubscribers() == 1;
                }, "the subscriber skipped as unwritable");
                rig.live.add(new LiveCall("latest", LiveCall.Phase.ANSWERING, null, null, "+3725559999", "5000",
                        AdminRig.T0 + 5_000, AdminRig.T0 + 5_000));
                long built = feed.snapshotsBuilt();
                feed.changed();
                await(() -> feed.snapshotsBuilt() > built, "a snapshot with the latest call built");
                slow.resume();
                long deadline = System.nanoTime() + SseClient.WAIT_MS * 1_000_000;
                while (!slow.next("snapshot").data().contains("\"latest\"")) {
                    assertTrue(System.nanoTime() < deadline, "no snapshot with the latest call");
                }
                await(() -> feed.staleSubscribers() == 0, "the subscriber caught up");
            }
        }
    }

    @Test
    void aViewersSnapshotShowsOnlyTheLastFourDigits() {
        Snapshots.Caller caller = new Snapshots.Caller("c1", 1, 2_000, "+3725551234", false, null);
        Snapshots.QueueJson queue = new Snapshots.QueueJson("sales", "help", null, 1, 0, 0, 0, 0, 2_000,
                Map.of(), Map.of(), AgentBoard.NONE, List.of(caller), 20_000L, ops.live.TodayTally.Today.NONE);
        Snapshots.CallJson call = new Snapshots.CallJson("c1", LiveCall.Phase.QUEUED, "sales", null, "+3725551234",
                "5000", 1, 1, 1, 2_000L);
        Snapshots.Snapshot masked = new Snapshots.Snapshot(1, List.of(queue), List.of(), List.of(call)).masked();
        assertEquals("•••1234", masked.queues().get(0).callers().get(0).callerNumber());
        assertEquals("•••1234", masked.calls().get(0).callerNumber());
        assertEquals("•••12", Snapshots.mask("12"));
        String json = new String(Json.bytes(masked), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!json.contains("5551234"), json);
    }

    @Test
    void withoutATokenTheStreamIsRefused() throws Exception {
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture();
             SseClient sse = new SseClient(rig.server.port(), "/api/events", null)) {
            assertEquals(401, sse.status);
            assertEquals(0, rig.server.live().subscribers());
            assertEquals(List.of(), log.warnings());
        }
    }

    @Test
    void admissionTakesExactlyTheCapHoweverManyAskAtOnce() throws Exception {
        int tries = LiveFeed.MAX_SUBSCRIBERS * 2;
        ExecutorService askers = Executors.newFixedThreadPool(tries);
        try (AdminRig rig = new AdminRig()) {
            LiveFeed feed = rig.server.live();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> asking = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                asking.add(askers.submit(() -> {
                    go.await();
                    return feed.admit();
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> f : asking) {
                admitted += f.get(SseClient.WAIT_MS, TimeUnit.MILLISECONDS) ? 1 : 0;
            }
            assertEquals(LiveFeed.MAX_SUBSCRIBERS, admitted);
            feed.release();
            assertTrue(feed.admit(), "a place given back is taken again");
            assertFalse(feed.admit());
        } finally {
            askers.shutdownNow();
        }
    }

    @Test
    void streamsOpenedAtOnceBeyondTheCapGiveExactlyTheCapAndClosingOneAdmitsOne() throws Exception {
        int tries = LiveFeed.MAX_SUBSCRIBERS + 16;
        ExecutorService openers = Executors.newFixedThreadPool(tries);
        List<SseClient> open = new ArrayList<>();
        try (AdminRig rig = new AdminRig(); LogCapture log = new LogCapture()) {
            LiveFeed feed = rig.server.live();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SseClient>> opening = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                opening.add(openers.submit(() -> {
                    go.await();
                    return new SseClient(rig.server.port(), "/api/events", BEARER);
                }));
            }
            go.countDown();
            int refused = 0;
            for (Future<SseClient> f : opening) {
                SseClient c = f.get(SseClient.WAIT_MS * 4, TimeUnit.MILLISECONDS);
                open.add(c);
                refused += c.status == 503 ? 1 : 0;
            }
            assertEquals(tries - LiveFeed.MAX_SUBSCRIBERS, refused, "refused beyond the cap");
            await(() -> feed.subscribers() == LiveFeed.MAX_SUBSCRIBERS, "exactly the cap subscribed");
            assertEquals(LiveFeed.MAX_SUBSCRIBERS, feed.admitted());

            SseClient streaming = open.stream().filter(c -> c.status == 200).findFirst().orElseThrow();
            streaming.close();
            await(() -> feed.admitted() == LiveFeed.MAX_SUBSCRIBERS - 1, "the closed stream's place given back");
            open.add(new SseClient(rig.server.port(), "/api/events", BEARER));
            assertEquals(200, open.get(open.size() - 1).status, "the freed place admits one");
            open.add(new SseClient(rig.server.port(), "/api/events", BEARER));
            assertEquals(503, open.get(open.size() - 1).status, "and only one");
            assertEquals(List.of(), log.warnings());
        } finally {
            openers.shutdownNow();
            for (SseClient c : open) {
                c.close();
            }
        }
    }

    /** Call c1 from +3725551234 waits in sales' line. */
    private static void queueCaller(AdminRig rig) {
        rig.live.add(new LiveCall("c1", LiveCall.Phase.QUEUED, "sales", null, "+3725551234", "5000",
                AdminRig.T0, AdminRig.T0));
        rig.enqueue("c1", "sales");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SseClient.WAIT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + SseClient.WAIT_MS + " ms");
            }
            Thread.sleep(5);
        }
    }
}
