package ops.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ops.records.CallQuery;
import ops.records.CallRecord;
import ops.records.CallRecords;
import ops.records.QueueEvent;
import ops.reports.Report;
import ops.reports.ReportRequest;

/** Hand-written stand-ins for the records, reports and the gateway's ports; thread-safe, since workers call them. */
final class Fakes {
    private Fakes() {
    }

    /** A finished call with the fields the API filters on. */
    static CallRecord record(String id, long arrivedMs, String queue, String agent, String outcome,
                             String recording, String voicemail) {
        return new CallRecord(id, "acd1", arrivedMs, arrivedMs + 1000, agent == null ? null : arrivedMs + 5000,
                arrivedMs + 60_000, "+3726000000", "+3725550000", "Mari", "trunk", "main", "main>1", "1", queue,
                "help", agent, outcome, 4000, agent == null ? 0 : 55_000, 0, 1, 0, agent, recording, voicemail,
                "caller");
    }

    static final class Records implements CallRecords {
        final List<CallRecord> calls = new CopyOnWriteArrayList<>();
        final Map<String, List<QueueEvent>> events = new ConcurrentHashMap<>();
        final List<CallQuery> queries = new CopyOnWriteArrayList<>();

        @Override
        public List<CallRecord> find(CallQuery q) {
            queries.add(q);
            return calls.stream()
                    .filter(c -> q.fromMs() == null || c.arrivedMs() >= q.fromMs())
                    .filter(c -> q.toMs() == null || c.arrivedMs() < q.toMs())
                    .filter(c -> q.queueId() == null || q.queueId().equals(c.queueId()))
                    .filter(c -> q.agentId() == null || q.agentId().equals(c.agentId()))
                    .filter(c -> q.outcome() == null || q.outcome().equals(c.outcome()))
                    .filter(c -> q.number() == null || q.number().equals(c.dialed()) || q.number().equals(c.callerNumber()))
                    .filter(c -> q.file() == null || q.file().of(c) != null)
                    .sorted(Comparator.comparingLong(CallRecord::arrivedMs).reversed())
                    .skip(q.offset()).limit(q.limit()).toList();
        }

        @Override
        public Optional<CallRecord> get(String callId) {
            return calls.stream().filter(c -> c.callId().equals(callId)).findFirst();
        }

        @Override
        public List<QueueEvent> events(String callId) {
            return events.getOrDefault(callId, List.of());
        }
    }

    static final class Reports implements ops.reports.Reports {
        final List<ReportRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public Report run(ReportRequest request) {
            requests.add(request);
            return new Report(List.of("period", "queue", "offered", "answered", "serviceLevel"),
                    List.of(List.of("2026-01-05", "sales", 12L, 10L, 83.3),
                            List.of("2026-01-05", "support, 2nd line", 3L, 3L, 100.0)));
        }
    }

    static final class Live implements LiveCalls {
        final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
        final List<String> hungUp = new CopyOnWriteArrayList<>();

        void add(LiveCall call) {
            calls.put(call.callId(), call);
        }

        @Override
        public List<LiveCall> list() {
            return calls.values().stream().sorted(Comparator.comparingLong(LiveCall::sinceMs)).toList();
        }

        @Override
        public Optional<LiveCall> get(String callId) {
            return Optional.ofNullable(calls.get(callId));
        }

        @Override
        public boolean hangUp(String callId) {
            if (calls.remove(callId) == null) {
                return false;
            }
            hungUp.add(callId);
            return true;
        }
    }

    static final class Config implements ConfigControl {
        volatile ReloadResult last = new ReloadResult(AdminRig.T0 - 60_000, "startup", true, List.of());
        volatile ReloadResult next = last;

        @Override
        public ReloadResult reload() {
            last = next;
            return last;
        }

        @Override
        public ReloadResult status() {
            return last;
        }
    }
}
