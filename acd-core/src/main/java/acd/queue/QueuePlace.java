package acd.queue;

/**
 * Where a caller stands in its queue, for position and wait announcements.
 *
 * @param position       1 = next; 0 when the call is not in line (bridged, gone, unknown)
 * @param expectedWaitMs expected remaining wait, or {@link #UNKNOWN_WAIT} when no call was answered yet
 */
public record QueuePlace(int position, long expectedWaitMs) {
    public static final long UNKNOWN_WAIT = -1;
    public static final QueuePlace NOT_QUEUED = new QueuePlace(0, UNKNOWN_WAIT);
}
