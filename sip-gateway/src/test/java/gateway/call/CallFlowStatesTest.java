package gateway.call;

import static gateway.leg.Tables.assertIllegalThrow;
import static gateway.leg.Tables.assertTable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.leg.LegServices;
import gateway.leg.Tables;
import gateway.sip.AdmittedInvite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ops.metrics.GatewayMeters;
import ops.records.CallFacts;
import org.junit.jupiter.api.Test;

/**
 * The call's flow as a state machine: {@link CallPhase}'s table, and {@link CallFlow#state}
 * stopping the old activity before starting the new one, refusing every move the table lacks.
 */
class CallFlowStatesTest {
    private final List<String> log = new ArrayList<>();
    private final CallServices services = new CallServices(new LegServices(null, null, null, null, null, "acd.test", null),
            null, null, null, CallFacts.NONE, GatewayMeters.NONE, Clock.systemUTC());
    private final CallFlow flow = new CallFlow(services, null, "call@test",
            new AdmittedInvite(Tables.nullTransaction(), Tables.invite("call@test"), null, null, null), c -> log.add("ended"));

    /** An activity that logs its entry and exit. */
    private Activity activity(CallPhase phase) {
        return new Activity() {
            @Override
            public CallPhase phase() {
                return phase;
            }

            @Override
            public void start() {
                log.add("start " + phase);
            }

            @Override
            public void stop(CallPhase next) {
                log.add("stop " + phase + " for " + next);
            }
        };
    }

    private void state(CallPhase next, String reason) {
        flow.state(activity(next), reason);
    }

    @Test
    void table() {
        Set<CallPhase> fromQueue = EnumSet.of(CallPhase.BRIDGED, CallPhase.IVR, CallPhase.QUEUED, CallPhase.VOICEMAIL,
                CallPhase.TRANSFER, CallPhase.ENDED);
        assertTable(CallPhase.class, Map.of(
                CallPhase.NEW, EnumSet.of(CallPhase.IVR, CallPhase.QUEUED, CallPhase.VOICEMAIL, CallPhase.TRANSFER,
                        CallPhase.ENDED),
                CallPhase.IVR, EnumSet.of(CallPhase.QUEUED, CallPhase.IVR, CallPhase.VOICEMAIL, CallPhase.TRANSFER,
                        CallPhase.ENDED),
                CallPhase.QUEUED, fromQueue,
                CallPhase.VOICEMAIL, EnumSet.of(CallPhase.ENDED),
                CallPhase.TRANSFER, EnumSet.of(CallPhase.BRIDGED, CallPhase.ENDED),
                CallPhase.BRIDGED, EnumSet.of(CallPhase.ENDED)));
    }

    @Test
    void menuQueueBridgeEndStopEachActivityBeforeTheNextStarts() {
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.IVR, "menu");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.IVR, "submenu");
        state(CallPhase.QUEUED, "queue");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.BRIDGED, "agent");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.ENDED, "hang-up");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        assertEquals(List.of("start IVR", "stop IVR for IVR", "start IVR", "stop IVR for QUEUED", "start QUEUED",
                "stop QUEUED for BRIDGED", "start BRIDGED", "stop BRIDGED for ENDED", "start ENDED"), log);
    }

    @Test
    void voicemailOnlyEnds() {
        state(CallPhase.QUEUED, "queue");
        state(CallPhase.VOICEMAIL, "max wait fallback");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.ENDED, "message left");
        assertEquals(CallPhase.ENDED, flow.phase());
    }

    @Test
    void aTransferIsBridgedOrEnds() {
        state(CallPhase.TRANSFER, "transfer");
        assertIllegalThrow(CallPhase.class, flow::phase, this::state);
        state(CallPhase.BRIDGED, "answered");
        assertEquals(List.of("start TRANSFER", "stop TRANSFER for BRIDGED", "start BRIDGED"), log);
    }

    @Test
    void anIllegalMoveRunsNoAction() {
        state(CallPhase.VOICEMAIL, "voicemail");
        log.clear();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> state(CallPhase.QUEUED, "back to the queue"));
        assertEquals(List.of(), log, "neither exit nor entry ran");
    }
}
