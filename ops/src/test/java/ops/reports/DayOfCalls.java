package ops.reports;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The calls and agent events the report tests count, all on 2024-05-06 (UTC times; Tallinn is
 * UTC+3 that day). Queues: sales (20 s, the default) and renewals (10 s) in department Sales,
 * support (30 s) in Support. The ranged reports cover 09:00 to 11:00 UTC.
 *
 * <pre>
 * call  queue     arrives  wait   outcome           agent  talk  wrap-up  missed rings
 * c1    sales     09:05    10 s   ANSWERED          alice  120   30
 * c2    sales     09:10    25 s   ANSWERED          bob    200   10       1 (alice)
 * c3    sales     09:20     3 s   ABANDONED_QUEUE   (short)
 * c4    sales     09:40    40 s   ABANDONED_QUEUE
 * c5    renewals  10:05    15 s   ANSWERED          alice   60    0       (over its 10 s)
 * c6    renewals  10:30    90 s   TIMED_OUT                               2 (bob, carol)
 * c7    support   09:15    28 s   ANSWERED          carol  300   60
 * c8    support   09:50    45 s   VOICEMAIL
 * c9    support   10:10     5 s   ANSWERED          carol   90   30       1 (bob)
 * c10   support   10:20   4.5 s   ABANDONED_QUEUE   (short)
 * c11   -         09:30     -     ABANDONED_IVR     (no queue: in no row)
 * c12   sales     21:00    (May 7 00:00 Tallinn: after every range)
 * c13   sales     May 5 20:59:59.999 (just before every range)
 *
 * alice  logs in 08:00, pauses "Lunch" 09:30-09:45, logs off 10:50
 * bob    logs in 09:00, pauses "Coffee break" 10:00-10:10, stays logged in
 * carol  logs in May 5 20:00, pauses "Lunch" 08:30-09:10, logs off 11:30
 * dave   logs in 07:00, logs off 08:00
 * erin   logs in 10:30, pauses "Training" 10:40, stays so
 * </pre>
 */
final class DayOfCalls {
    static final Map<String, Duration> SERVICE_LEVELS =
            Map.of("renewals", Duration.ofSeconds(10), "support", Duration.ofSeconds(30));

    private DayOfCalls() {
    }

    static Instant at(String utcTime) {
        return Instant.parse("2024-05-06T" + utcTime + "Z");
    }

    static void insert(ReportRows db) throws SQLException {
        db.answered("c1", "sales", "Sales", at("09:05:00"), 10_000, "alice", 120_000, 30_000, 0);
        db.answered("c2", "sales", "Sales", at("09:10:00"), 25_000, "bob", 200_000, 10_000, 1);
        db.unanswered("c3", "sales", "Sales", at("09:20:00"), 3_000, "ABANDONED_QUEUE", 0);
        db.unanswered("c4", "sales", "Sales", at("09:40:00"), 40_000, "ABANDONED_QUEUE", 0);
        db.answered("c5", "renewals", "Sales", at("10:05:00"), 15_000, "alice", 60_000, 0, 0);
        db.unanswered("c6", "renewals", "Sales", at("10:30:00"), 90_000, "TIMED_OUT", 2);
        db.answered("c7", "support", "Support", at("09:15:00"), 28_000, "carol", 300_000, 60_000, 0);
        db.unanswered("c8", "support", "Support", at("09:50:00"), 45_000, "VOICEMAIL", 0);
        db.answered("c9", "support", "Support", at("10:10:00"), 5_000, "carol", 90_000, 30_000, 1);
        db.unanswered("c10", "support", "Support", at("10:20:00"), 4_500, "ABANDONED_QUEUE", 0);
        db.unanswered("c11", null, null, at("09:30:00"), 0, "ABANDONED_IVR", 0);
        db.answered("c12", "sales", "Sales", at("21:00:00"), 1_000, "alice", 10_000, 0, 0);
        db.answered("c13", "sales", "Sales", Instant.parse("2024-05-05T20:59:59.999Z"), 1_000, "alice", 10_000, 0, 0);

        db.missedRing(at("09:10:05"), "alice", "c2");
        db.missedRing(at("10:30:20"), "bob", "c6");
        db.missedRing(at("10:30:50"), "carol", "c6");
        db.missedRing(at("10:10:02"), "bob", "c9");

        db.status(at("08:00:00"), "alice", "AGENTLOGIN");
        db.pause(at("09:30:00"), "alice", "Lunch");
        db.status(at("09:45:00"), "alice", "UNPAUSE");
        db.status(at("10:50:00"), "alice", "AGENTLOGOFF");
        db.status(at("09:00:00"), "bob", "AGENTLOGIN");
        db.pause(at("10:00:00"), "bob", "Coffee break");
        db.status(at("10:10:00"), "bob", "UNPAUSE");
        db.status(Instant.parse("2024-05-05T20:00:00Z"), "carol", "AGENTLOGIN");
        db.pause(at("08:30:00"), "carol", "Lunch");
        db.status(at("09:10:00"), "carol", "UNPAUSE");
        db.status(at("11:30:00"), "carol", "AGENTLOGOFF");
        db.status(at("07:00:00"), "dave", "AGENTLOGIN");
        db.status(at("08:00:00"), "dave", "AGENTLOGOFF");
        db.status(at("10:30:00"), "erin", "AGENTLOGIN");
        db.pause(at("10:40:00"), "erin", "Training");
    }
}
