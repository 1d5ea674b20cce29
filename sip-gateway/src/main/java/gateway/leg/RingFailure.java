package gateway.leg;

import acd.call.RingEnd;
import javax.sip.message.Response;

/** What the last final status of a failed ring says, to the log and to the routing core. */
final class RingFailure {
    private RingFailure() {
    }

    static String describe(int status) {
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
