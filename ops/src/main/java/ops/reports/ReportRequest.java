package ops.reports;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a report covers: rows per department, queue or agent, per period (hour, day, week, month,
 * or the whole range), over calls that arrived in [from, to), with periods cut in {@code zone}.
 */
public record ReportRequest(By by, Group group, Instant from, Instant to, ZoneId zone) {
    public enum By { DEPARTMENT, QUEUE, AGENT }

    public enum Group { HOUR, DAY, WEEK, MONTH, RANGE }

    public ReportRequest {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, were " + from + " and " + to);
        }
    }
}
