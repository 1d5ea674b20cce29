package ops.records;

/**
 * One finished call, as the {@code calls} table holds it (see {@code schema-*-1.sql} for each
 * column's meaning). Times are epoch milliseconds; a null time never happened.
 */
public record CallRecord(String callId, String server, long arrivedMs, Long queuedMs, Long answeredMs, long endedMs,
                         String dialed, String callerNumber, String callerName, String source, String entry,
                         String menuPath, String keys, String queueId, String department, String agentId,
                         String outcome, long waitMs, long talkMs, long wrapUpMs, int ringsTried, int ringsMissed,
                         String agentsRung, String recordingFile, String voicemailFile, String hangupSide) {
}
