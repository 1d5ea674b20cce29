package gateway.leg;

import acd.call.RingEnd;
import javax.sip.message.Response;

/** What a ring's final failure status means: for the log line, and for the agent's no-answer count. */
final class RingFailures {
    private RingFailures() {
    }

    static String line(int status) {
        return switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> "rejected with " + status;
            case Response.REQUEST_TIMEOUT -> "no answer (408)";
            case Response.TEMPORARILY_UNAVAILABLE -> "unavailable (480)";
            default -> "failed with " + status;
        };
    }

    static RingEnd classify(int status) {
        return switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> RingEnd.REJECTED;
            default -> RingEnd.FAILED;
        };
    }
}
