package ops.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import acd.call.CallOutcome;
import acd.event.AcdEvent.AgentRinging;
import acd.event.AcdEvent.CallAnswered;
import acd.event.AcdEvent.CallEnded;
import acd.event.AcdEvent.CallQueued;
import ops.records.CallFacts.EndCause;
import ops.testkit.TestDatabases;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What is on disk when: a finished call within the write-behind window, an unfinished one after a crash. */
class DurabilityTest {
    private static final String DBS = "ops.testkit.TestDatabases#all";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void finishedCallIsReadableFromAnotherConnectionWithinTheWindow(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            long t = System.currentTimeMillis();
            rig.journal.arrived("d1", t, "5000", "+4930111", null, "trunk1");
            rig.core(new CallQueued(t, "d1", "sales", 0, 1, 0), new AgentRinging(t, "d1", "sales", "a1"),
                    new CallAnswered(t + 1, "d1", "sales", "a1", 1));
            long endedNs = System.nanoTime();
            rig.core(new CallEnded(t + 2, "d1", "sales", "a1", CallOutcome.COMPLETED, 1, 1));
            rig.journal.ended("d1", t + 2, EndCause.CALLER_HUNG_UP);
            rig.record("d1"); // a connection of its own each time it looks
            long tookMs = (System.nanoTime() - endedNs) / 1_000_000;
            JournalSettings s = JournalSettings.DEFAULTS;
            // the window is settle + batch (250 ms); the slack is for a loaded CI machine, not for the design
            assertTrue(tookMs < s.settleMs() + s.batchMs() + 750, "visible after " + tookMs + " ms");
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void callsOpenAtACrashAreRecordedAsCrashedAtTheNextStart(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            long t = System.currentTimeMillis() - 60_000;
            rig.journal.arrived("x1", t, "5000", "+4930111", "Bob", "trunk1");
            rig.journal.arrived("x2", t, "5001", "+4930222", null, "trunk2");
            rig.core(new CallQueued(t + 1_000, "x1", "sales", 0, 1, 0), new AgentRinging(t + 1_000, "x1", "sales", "a1"),
                    new CallAnswered(t + 5_000, "x1", "sales", "a1", 4_000));
            rig.awaitCount("SELECT COUNT(*) FROM events WHERE call_id = 'x1'", 3);
            rig.awaitCount("SELECT COUNT(*) FROM open_calls WHERE call_id = 'x1' AND agent_id = 'a1'", 1);

            rig.restart(); // the writer stops with both calls going, as a kill -9 leaves them

            CallRecord x1 = rig.record("x1");
            assertEquals("CRASHED", x1.outcome());
            assertEquals("sales", x1.queueId());
            assertEquals("Sales", x1.department());
            assertEquals("a1", x1.agentId());
            assertEquals("Bob", x1.callerName());
            assertTrue(x1.endedMs() >= t + 5_000, "ended when last seen: " + (x1.endedMs() - t));
            CallRecord x2 = rig.record("x2");
            assertEquals("CRASHED", x2.outcome());
            assertNull(x2.queueId());
            assertEquals(0, rig.count("SELECT COUNT(*) FROM open_calls"));
        }
    }
}
