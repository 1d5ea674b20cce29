package ops.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.RingEnd;
import acd.event.AcdEvent.AgentRinging;
import acd.event.AcdEvent.AgentStateChanged;
import acd.event.AcdEvent.AgentStatusChanged;
import acd.event.AcdEvent.CallAnswered;
import acd.event.AcdEvent.CallEnded;
import acd.event.AcdEvent.CallQueued;
import acd.event.AcdEvent.RingNoAnswer;
import ops.records.CallFacts.EndCause;
import ops.testkit.TestDatabases;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Facts and core events in, rows out: one call of each outcome, on every test database. */
class CallJournalTest {
    private static final long T = 1_700_000_000_000L;
    private static final String DBS = "ops.testkit.TestDatabases#all";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void answeredCallWithMissedRingAndWrapUp(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            CallJournal j = rig.journal;
            j.arrived("c1", T, "5000", "+4930111", "Alice", "trunk1");
            j.menu("c1", T + 1_000, "main");
            j.key("c1", T + 2_000, '1');
            rig.core(new CallQueued(T + 3_000, "c1", "sales", 0, 1, 0),
                    new AgentRinging(T + 3_000, "c1", "sales", "a1"),
                    new RingNoAnswer(T + 8_000, "c1", "sales", "a1", RingEnd.TIMEOUT),
                    new AgentRinging(T + 8_000, "c1", "sales", "a2"),
                    new CallAnswered(T + 10_000, "c1", "sales", "a2", 7_000));
            j.recording("c1", T + 10_000, Path.of("/rec/c1.wav"));
            rig.core(new CallEnded(T + 70_000, "c1", "sales", "a2", CallOutcome.COMPLETED, 7_000, 60_000),
                    new AgentStateChanged(T + 70_000, "a2", AgentState.ON_CALL, AgentState.WRAP_UP, "call ended"));
            j.ended("c1", T + 70_000, EndCause.AGENT_HUNG_UP);
            rig.core(new AgentStateChanged(T + 85_000, "a2", AgentState.WRAP_UP, AgentState.IDLE, "ready"));

            CallRecord r = rig.record("c1", c -> c.wrapUpMs() > 0);
            assertEquals(new CallRecord("c1", JournalRig.SERVER, T, T + 3_000, T + 10_000, T + 70_000, "5000",
                    "+4930111", "Alice", "trunk1", "menu:main", "main", "1", "sales", "Sales", "a2", "ANSWERED",
                    7_000, 60_000, 15_000, 2, 1, "a1,a2", "/rec/c1.wav", null, "AGENT"), r);
            assertEquals(List.of("ENTERQUEUE", "RINGING", "RINGNOANSWER", "RINGING", "CONNECT", "COMPLETEAGENT"),
                    verbs(rig, "c1"));
            List<QueueEvent> events = rig.records.events("c1");
            assertEquals(List.of("", "+4930111", "1"), events.get(0).data());
            assertEquals(List.of("5000"), events.get(2).data());
            assertEquals(List.of("7", "", "2"), events.get(4).data());
            assertEquals(List.of("7", "60", "1"), events.get(5).data());
            assertEquals(0, rig.count("SELECT COUNT(*) FROM open_calls"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aBridgedCallEndedByTheMediaTimeoutKeepsTheCoresTalkToTheLastPacket(TestDatabases.Kind kind)
            throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.journal.arrived("c11", T, "5000", "+4930333", null, "trunk1");
            rig.core(new CallQueued(T + 500, "c11", "sales", 0, 1, 0),
                    new AgentRinging(T + 500, "c11", "sales", "a1"),
                    new CallAnswered(T + 2_500, "c11", "sales", "a1", 2_000));
            // the caller's last packet came at T + 12_500; the 60 s timeout hung up at T + 72_600
            rig.journal.ended("c11", T + 72_600, EndCause.MEDIA_TIMEOUT);
            rig.core(new CallEnded(T + 72_600, "c11", "sales", "a1", CallOutcome.MEDIA_TIMEOUT, 2_000, 10_000));

            CallRecord r = rig.record("c11");
            assertEquals("MEDIA_TIMEOUT", r.outcome());
            assertEquals(T + 2_500, r.answeredMs(), "answered: reports count it among the answered calls");
            assertEquals(10_000, r.talkMs(), "talk to the last packet, not the silent minute");
            assertEquals("SYSTEM", r.hangupSide());
            assertEquals(List.of("ENTERQUEUE", "RINGING", "CONNECT", "COMPLETECALLER"), verbs(rig, "c11"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void callerHangsUpInQueueBeforeTheCoreSaysSo(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.journal.arrived("c2", T, "5000", "+4930222", null, "trunk1");
            rig.core(new CallQueued(T + 500, "c2", "support", 0, 3, 0), new AgentRinging(T + 600, "c2", "support", "a1"));
            rig.journal.ended("c2", T + 20_500, EndCause.CALLER_HUNG_UP);
            rig.core(new CallEnded(T + 20_500, "c2", "support", null, CallOutcome.ABANDONED, 20_000, 0));

            CallRecord r = rig.record("c2");
            assertEquals("ABANDONED_QUEUE", r.outcome());
            assertEquals("queue:support", r.entry());
            assertEquals("Help desk", r.department());
            assertEquals(20_000, r.waitMs());
            assertEquals(1, r.ringsTried());
            assertEquals("CALLER", r.hangupSide());
            assertEquals(List.of("ENTERQUEUE", "RINGING", "ABANDON"), verbs(rig, "c2"));
            assertEquals(List.of("3", "3", "20"), rig.records.events("c2").get(2).data());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void callerHangsUpInTheIvr(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            CallRecord r = ivrOnly(rig, "c3", EndCause.CALLER_HUNG_UP, null, null);
            assertEquals("ABANDONED_IVR", r.outcome());
            assertEquals("main>billing", r.menuPath());
            assertEquals("menu:main", r.entry());
            assertEquals("12", r.keys());
            assertNull(r.queueId());
            assertNull(r.department());
            assertEquals("CALLER", r.hangupSide());
            assertEquals(List.of(), verbs(rig, "c3"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void voicemailTransferFailureAndMediaTimeoutFromTheIvr(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            CallRecord vm = ivrOnly(rig, "c4", EndCause.SYSTEM_HUNG_UP, Path.of("/vm/c4.wav"), null);
            assertEquals("VOICEMAIL", vm.outcome());
            assertEquals("/vm/c4.wav", vm.voicemailFile());
            assertEquals("SYSTEM", vm.hangupSide());
            assertEquals("TRANSFERRED", ivrOnly(rig, "c5", EndCause.AGENT_HUNG_UP, null, "+4940999").outcome());
            assertEquals("FAILED", ivrOnly(rig, "c6", EndCause.FAILED, null, "+4940999").outcome());
            assertEquals("MEDIA_TIMEOUT", ivrOnly(rig, "c7", EndCause.MEDIA_TIMEOUT, null, null).outcome());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void timedOutCallGoesOnToVoicemailAndStaysTimedOut(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.journal.arrived("c8", T, "5000", "+4930888", null, "trunk1");
            rig.core(new CallQueued(T + 100, "c8", "sales", 0, 1, 0),
                    new CallEnded(T + 60_100, "c8", "sales", null, CallOutcome.TIMED_OUT, 60_000, 0));
            rig.journal.voicemail("c8", T + 61_000, "sales", Path.of("/vm/c8.wav"));
            rig.journal.ended("c8", T + 90_000, EndCause.SYSTEM_HUNG_UP);

            CallRecord r = rig.record("c8");
            assertEquals("TIMED_OUT", r.outcome());
            assertEquals(60_000, r.waitMs());
            assertEquals("/vm/c8.wav", r.voicemailFile());
            assertEquals(List.of("ENTERQUEUE", "EXITWITHTIMEOUT"), verbs(rig, "c8"));
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void refusedForNoAgentsAndMediaTimeoutInQueue(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.journal.arrived("c9", T, "5000", "+4930999", null, "trunk1");
            rig.core(new CallEnded(T + 100, "c9", "sales", null, CallOutcome.NO_AGENTS, 0, 0));
            rig.journal.ended("c9", T + 5_000, EndCause.SYSTEM_HUNG_UP);
            CallRecord refused = rig.record("c9");
            assertEquals("NO_AGENTS", refused.outcome());
            assertEquals("sales", refused.queueId());
            assertNull(refused.queuedMs());
            assertEquals(List.of("JOINEMPTY"), verbs(rig, "c9"));

            rig.journal.arrived("c10", T, "5000", "+4930999", null, "trunk1");
            rig.core(new CallQueued(T + 100, "c10", "sales", 0, 1, 0));
            rig.journal.ended("c10", T + 30_100, EndCause.MEDIA_TIMEOUT);
            rig.core(new CallEnded(T + 30_100, "c10", "sales", null, CallOutcome.ABANDONED, 30_000, 0));
            CallRecord media = rig.record("c10");
            assertEquals("MEDIA_TIMEOUT", media.outcome());
            assertEquals("SYSTEM", media.hangupSide());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void agentStatusChangesInQueueLogWords(TestDatabases.Kind kind) throws Exception {
        try (JournalRig rig = JournalRig.start(kind, dir)) {
            rig.core(new AgentStatusChanged(T, "a1", AgentStatus.LOGGED_OUT, AgentStatus.AVAILABLE, "login"),
                    new AgentStatusChanged(T + 1_000, "a1", AgentStatus.AVAILABLE, AgentStatus.PAUSED, "lunch"),
                    new AgentStatusChanged(T + 2_000, "a1", AgentStatus.PAUSED, AgentStatus.AVAILABLE, "back"),
                    new AgentStatusChanged(T + 3_000, "a1", AgentStatus.AVAILABLE, AgentStatus.PAUSED, "break"),
                    new AgentStatusChanged(T + 61_000, "a1", AgentStatus.PAUSED, AgentStatus.LOGGED_OUT, "logout"));
            rig.awaitCount("SELECT COUNT(*) FROM events WHERE event = 'AGENTLOGOFF'", 1);
            assertEquals(6, rig.count("SELECT COUNT(*) FROM events WHERE agent_id = 'a1' AND call_id = 'NONE'"));
            assertEquals(1, rig.count("SELECT COUNT(*) FROM events WHERE event = 'AGENTLOGOFF' AND data2 = '61'"));
            assertEquals(1, rig.count("SELECT COUNT(*) FROM events WHERE event = 'PAUSE' AND data1 = 'lunch'"));
            assertEquals(2, rig.count("SELECT COUNT(*) FROM events WHERE event = 'UNPAUSE'"));
        }
    }

    /** A call that never reaches a queue: two menus, two keys, then the given end. */
    private static CallRecord ivrOnly(JournalRig rig, String id, EndCause cause, Path voicemail, String transfer) {
        rig.journal.arrived(id, T, "5000", "+4930333", null, "trunk1");
        rig.journal.menu(id, T + 500, "main");
        rig.journal.key(id, T + 1_000, '1');
        rig.journal.menu(id, T + 1_000, "billing");
        rig.journal.key(id, T + 2_000, '2');
        if (voicemail != null) {
            rig.journal.voicemail(id, T + 3_000, "billing", voicemail);
        }
        if (transfer != null) {
            rig.journal.transfer(id, T + 3_000, transfer);
        }
        rig.journal.ended(id, T + 9_000, cause);
        return rig.record(id);
    }

    static List<String> verbs(JournalRig rig, String callId) {
        return rig.records.events(callId).stream().map(QueueEvent::event).toList();
    }
}
