package ops.reports;

/** The columns of one call record a report needs; {@code answeredMs} is null unless an agent answered. */
record CallRow(
        String key,
        String queueId,
        long arrivedMs,
        Long answeredMs,
        String outcome,
        long waitMs,
        long talkMs,
        long wrapupMs,
        int ringsMissed) {
}
