package ops.records;

import java.util.function.Function;

/**
 * A search over finished calls; null fields match everything. {@code fromMs} inclusive and
 * {@code toMs} exclusive bound the arrival time; {@code number} matches the dialled or the
 * caller's number; {@code file} keeps the calls that left a file of that kind. Newest first,
 * {@code limit} rows from {@code offset}.
 */
public record CallQuery(Long fromMs, Long toMs, String queueId, String agentId, String outcome, String number,
                        FileKind file, int offset, int limit) {
    public CallQuery {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1..1000, were " + offset + ", " + limit);
        }
    }

    /** A file a call may have left, and the record's column that names it. */
    public enum FileKind {
        RECORDING("recording_file", CallRecord::recordingFile),
        VOICEMAIL("voicemail_file", CallRecord::voicemailFile);

        final String column;
        private final Function<CallRecord, String> of;

        FileKind(String column, Function<CallRecord, String> of) {
            this.column = column;
            this.of = of;
        }

        /** The call's file of this kind, or null. */
        public String of(CallRecord call) {
            return of.apply(call);
        }
    }
}
