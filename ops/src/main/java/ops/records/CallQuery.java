package ops.records;

/**
 * A search over finished calls; null fields match everything. {@code fromMs} inclusive and
 * {@code toMs} exclusive bound the arrival time; {@code number} matches the dialled or the
 * caller's number. Newest first, {@code limit} rows from {@code offset}.
 */
public record CallQuery(Long fromMs, Long toMs, String queueId, String agentId, String outcome, String number,
                        int offset, int limit) {
    public CallQuery {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1..1000, were " + offset + ", " + limit);
        }
    }
}
