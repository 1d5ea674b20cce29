package ops.http;

import acd.command.AcdCommands;
import acd.engine.CallView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ops.records.CallRecord;
import ops.records.CallRecords;
import ops.records.QueueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/calls}: live calls from the gateway, finished calls from the records. A list is
 * live unless it asks for finished calls, by {@code live=false} or by any search parameter
 * ({@link CallFilter#FINISHED_ONLY}); {@code live=true} with a search parameter is a 400.
 * One call is looked up live first, then among the finished.
 */
final class CallsApi {
    private static final Logger log = LoggerFactory.getLogger(CallsApi.class);

    /** The live calls, oldest first. */
    record LiveList(boolean live, List<LiveCall> calls) {
    }

    /** One call: either {@code call} (live, with the core's {@code queue} view) or {@code record} (finished). */
    record CallDetail(String callId, boolean live, LiveCall call, CallView queue, CallRecord record,
                      List<QueueEvent> events) {
    }

    private final AcdCommands core;
    private final LiveCalls live;
    private final CallRecords records;

    CallsApi(AcdCommands core, LiveCalls live, CallRecords records) {
        this.core = core;
        this.live = live;
        this.records = records;
    }

    void register(Routes routes) {
        routes.view("GET", "/api/calls", this::list)
                .view("GET", "/api/calls/{id}", r -> ApiResponse.ok(forRole(r.role(), detail(r.path("id")))))
                .add("DELETE", "/api/calls/{id}", r -> hangUp(r.path("id")));
    }

    private ApiResponse list(ApiRequest r) {
        Optional<String> search = CallFilter.FINISHED_ONLY.stream().filter(r::has).findFirst();
        boolean wantLive = r.boolParam("live", search.isEmpty());
        if (wantLive && search.isPresent()) {
            throw new ApiException(400, "parameter '" + search.get() + "' searches finished calls; drop live=true");
        }
        boolean viewer = r.role() == Role.VIEWER;
        if (wantLive) {
            List<LiveCall> calls = live.list();
            return ApiResponse.ok(new LiveList(true, viewer ? calls.stream().map(CallsApi::masked).toList() : calls));
        }
        if (viewer && r.has("number")) {
            // a wall screen sees numbers masked; searching by a whole one would unmask it
            throw new ApiException(403, "read-only sign-in: searching by number needs the admin token");
        }
        CallFilter.Page<CallRecord> page = CallFilter.page(r, records.find(CallFilter.query(r, true, null)));
        return ApiResponse.ok(viewer ? new CallFilter.Page<>(page.live(), page.offset(), page.limit(), page.more(),
                page.calls().stream().map(CallsApi::masked).toList()) : page);
    }

    /** What a viewer (wall screen) may see of one call: masked numbers, no event data (it holds the caller id). */
    private static CallDetail forRole(Role role, CallDetail d) {
        if (role != Role.VIEWER) {
            return d;
        }
        List<QueueEvent> events = d.events().stream()
                .map(e -> new QueueEvent(e.atMs(), e.callId(), e.queueId(), e.agentId(), e.event(), List.of()))
                .toList();
        return new CallDetail(d.callId(), d.live(), d.call() == null ? null : masked(d.call()), d.queue(),
                d.record() == null ? null : masked(d.record()), events);
    }

    private static LiveCall masked(LiveCall c) {
        return new LiveCall(c.callId(), c.phase(), c.queueId(), c.agentId(), Snapshots.mask(c.callerNumber()),
                c.dialed(), c.sinceMs(), c.phaseSinceMs());
    }

    private static CallRecord masked(CallRecord c) {
        return new CallRecord(c.callId(), c.server(), c.arrivedMs(), c.queuedMs(), c.answeredMs(), c.endedMs(),
                c.dialed(), Snapshots.mask(c.callerNumber()), null, c.source(), c.entry(), c.menuPath(), null,
                c.queueId(), c.department(), c.agentId(), c.outcome(), c.waitMs(), c.talkMs(), c.wrapUpMs(),
                c.ringsTried(), c.ringsMissed(), c.agentsRung(), c.recordingFile(), c.voicemailFile(), c.hangupSide());
    }

    private CallDetail detail(String id) {
        Optional<LiveCall> now = live.get(id);
        if (now.isPresent()) {
            CallView inCore = CoreAnswer.await(core.call(id)).orElse(null);
            return new CallDetail(id, true, now.get(), inCore, null, records.events(id));
        }
        CallRecord done = records.get(id).orElseThrow(() -> ApiException.notFound("call", id));
        return new CallDetail(id, false, null, null, done, records.events(id));
    }

    private ApiResponse hangUp(String id) {
        if (!live.hangUp(id)) {
            throw ApiException.notFound("live call", id);
        }
        log.info("admin API: hang up call {}", id);
        return new ApiResponse.Json(202, Map.of("callId", id, "hangingUp", true));
    }
}
