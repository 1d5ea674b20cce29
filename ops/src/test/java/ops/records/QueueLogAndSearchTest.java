package ops.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

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

/** The queue_log file in Asterisk's format, and the call search the admin API pages through. */
class QueueLogAndSearchTest {
    private static final String DBS = "ops.testkit.TestDatabases#all";
    private static final long T = 1_700_000_000_000L;
    /** epoch|callid|queuename|agent|event|data...: no field empty in the first five, 'NONE' for none. */
    private static final Pattern LINE = Pattern.compile("\\d{10}\\|[^|]+\\|[^|]+\\|[^|]+\\|[A-Z]+(\\|[^|]*)*");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void queueLogLinesParseInAsterisksFormat(TestDatabases.Kind kind) throws Exception {
        Path file = dir.resolve("log/queue_log");
        try (JournalRig rig = JournalRig.start(kind, dir, file)) {
            answered(rig, "q1", T, "sales", "a1", "+4930111");
            rig.journal.close(); // flushed and closed
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                assertTrue(LINE.matcher(line).matches(), line);
            }
            assertEquals(List.of(
                    "1700000001|q1|sales|NONE|ENTERQUEUE||+4930111|1",
                    "1700000005|q1|sales|a1|CONNECT|4||4",
                    "1700000065|q1|sales|a1|COMPLETECALLER|4|60|1"), lines);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void findFiltersAndPagesNewestFirst(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            answered(rig, "s1", T, "sales", "a1", "+4930111");
            answered(rig, "s2", T + 100_000, "support", "a2", "+4930222");
            answered(rig, "s3", T + 200_000, "sales", "a2", "+4930333");
            rig.record("s3");
            assertEquals(List.of("s3", "s2", "s1"), ids(rig, new CallQuery(null, null, null, null, null, null, null, 0, 10)));
            assertEquals(List.of("s2"), ids(rig, new CallQuery(null, null, null, null, null, null, null, 1, 1)));
            assertEquals(List.of("s3", "s1"), ids(rig, new CallQuery(null, null, "sales", null, null, null, null, 0, 10)));
            assertEquals(List.of("s3", "s2"), ids(rig, new CallQuery(null, null, null, "a2", "ANSWERED", null, null, 0, 10)));
            assertEquals(List.of("s2"), ids(rig, new CallQuery(T + 100_000, T + 200_000, null, null, null, null, null, 0, 10)));
            assertEquals(List.of("s1"), ids(rig, new CallQuery(null, null, null, null, null, "+4930111", null, 0, 10)));
            assertEquals(List.of(), ids(rig, new CallQuery(null, null, null, null, "TIMED_OUT", null, null, 0, 10)));
            assertTrue(rig.records.get("nope").isEmpty());
            assertEquals(List.of(), rig.records.events("nope"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void findKeepsOnlyCallsWithTheAskedKindOfFile(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            answered(rig, "f1", T, "sales", "a1", "+4930111");
            rig.journal.arrived("f2", T + 100_000, "5000", "+4930222", null, "trunk1");
            rig.journal.voicemail("f2", T + 101_000, "sales", dir.resolve("f2.wav"));
            rig.journal.ended("f2", T + 130_000, EndCause.SYSTEM_HUNG_UP);
            rig.record("f2");
            rig.record("f1");
            assertEquals(List.of("f2"), ids(rig, new CallQuery(null, null, null, null, null, null,
                    CallQuery.FileKind.VOICEMAIL, 0, 10)));
            assertEquals(List.of(), ids(rig, new CallQuery(null, null, null, null, null, null,
                    CallQuery.FileKind.RECORDING, 0, 10)));
        }
    }

    /** Queued 1 s after arrival, answered by {@code agent} 4 s later, 60 s of talk, caller hangs up. */
    private static void answered(JournalRig rig, String id, long t, String queue, String agent, String number) {
        rig.journal.arrived(id, t, "5000", number, null, "trunk1");
        rig.core(new CallQueued(t + 1_000, id, queue, 0, 1, 0), new AgentRinging(t + 1_000, id, queue, agent),
                new CallAnswered(t + 5_000, id, queue, agent, 4_000),
                new CallEnded(t + 65_000, id, queue, agent, CallOutcome.COMPLETED, 4_000, 60_000));
        rig.journal.ended(id, t + 65_000, EndCause.CALLER_HUNG_UP);
    }

    private static List<String> ids(JournalRig rig, CallQuery q) {
        return rig.records.find(q).stream().map(CallRecord::callId).toList();
    }
}
