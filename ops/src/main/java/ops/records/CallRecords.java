package ops.records;

import java.util.List;
import java.util.Optional;

/** Reads finished calls and their events back (the admin API's call search and call detail). */
public interface CallRecords {
    List<CallRecord> find(CallQuery query);

    Optional<CallRecord> get(String callId);

    /** The call's queue events in time order; empty when unknown. */
    List<QueueEvent> events(String callId);
}
