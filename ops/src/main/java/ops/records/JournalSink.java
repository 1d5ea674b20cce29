package ops.records;

/** Where the {@link CallAssembler} puts what it learns; the JDBC writer in production. */
interface JournalSink {
    /** A call arrived: its {@code open_calls} row. */
    void open(OpenCall call);

    /** The open call moved (a queue, an agent; null keeps the old value). */
    void touch(String callId, String queueId, String agentId, long atMs);

    void event(QueueEvent event);

    /** The call's record, and its open row gone, in the same transaction. */
    void finish(CallRecord record);

    /** The agent's wrap-up after an already written call ended. */
    void wrapUp(String callId, long wrapUpMs);
}
