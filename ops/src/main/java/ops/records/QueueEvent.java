package ops.records;

import java.util.List;

/** One row of the {@code events} table: a queue or agent event in Asterisk queue_log's terms. */
public record QueueEvent(long atMs, String callId, String queueId, String agentId, String event, List<String> data) {
    public QueueEvent {
        data = List.copyOf(data);
    }
}
