package ops.records;

/**
 * How the journal batches. {@code capacity}: facts and events waiting for the writer before
 * more are dropped; a batch is committed {@code batchMs} after its first write or at
 * {@code batchStatements}, whichever comes first; a call whose gateway end is in waits at most
 * {@code settleMs} for the core's last events; open calls get their {@code last_seen_ms} every
 * {@code heartbeatMs}, which bounds the end time a crashed call gets.
 */
public record JournalSettings(int capacity, long batchMs, int batchStatements, long settleMs, long heartbeatMs) {
    public static final JournalSettings DEFAULTS = new JournalSettings(65_536, 200, 500, 50, 15_000);

    public JournalSettings {
        if (capacity < 1 || batchMs < 1 || batchStatements < 1 || settleMs < 0 || heartbeatMs < 1) {
            throw new IllegalArgumentException("journal settings must be positive: capacity=" + capacity + ", batchMs="
                    + batchMs + ", batchStatements=" + batchStatements + ", settleMs=" + settleMs + ", heartbeatMs="
                    + heartbeatMs);
        }
    }
}
