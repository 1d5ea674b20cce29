package ops.http;

/**
 * {@code /api/queues}: the core's queue views, the members counted by status and state from
 * the agent views, the callers in line (the gateway knows which calls are queued; the core
 * knows their positions and waits), the service level and today's figures ({@link Snapshots}).
 */
final class QueuesApi {
    private final Snapshots snapshots;

    QueuesApi(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    void register(Routes routes) {
        routes.view("GET", "/api/queues", r -> {
            var queues = snapshots.queues();
            return ApiResponse.ok(r.role() == Role.VIEWER
                    ? queues.stream().map(Snapshots.QueueJson::masked).toList() : queues);
        });
    }
}
