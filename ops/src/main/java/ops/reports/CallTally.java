package ops.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/** The call figures of one key in one period, added up call by call. */
final class CallTally {
    static final List<String> COLUMNS = List.of("offered", "answered", "abandoned", "short_abandons", "timed_out",
            "voicemails", "missed_rings", "service_level_pct", "asa_s", "longest_wait_s", "avg_talk_s", "aht_s",
            "abandon_rate_pct", "call_minutes");

    private long offered;
    private long answered;
    private long abandoned;
    private long shortAbandons;
    private long timedOut;
    private long voicemails;
    private long missedRings;
    private long answeredWithinThreshold;
    private long answeredWaitMs;
    private long longestWaitMs = -1;
    private long talkMs;
    private long wrapupMs;

    /** Adds an offered call, but not its missed rings: see {@link #addMissedRings}. */
    void add(CallRow call, long thresholdMs) {
        offered++;
        longestWaitMs = Math.max(longestWaitMs, call.waitMs());
        if (call.answeredMs() != null) {
            answered++;
            answeredWaitMs += call.waitMs();
            talkMs += call.talkMs();
            wrapupMs += call.wrapupMs();
            if (call.waitMs() <= thresholdMs) {
                answeredWithinThreshold++;
            }
        }
        switch (call.outcome()) {
            case "ABANDONED_QUEUE" -> {
                abandoned++;
                if (call.waitMs() < SqlReports.SHORT_ABANDON_MS) {
                    shortAbandons++;
                }
            }
            case "TIMED_OUT" -> timedOut++;
            case "VOICEMAIL" -> voicemails++;
            default -> { }
        }
    }

    /** Rings that went unanswered: a call's rings_missed, or an agent's RINGNOANSWER events. */
    void addMissedRings(int rings) {
        missedRings += rings;
    }

    long handleMs() {
        return talkMs + wrapupMs;
    }

    /** The figures in {@link #COLUMNS} order. */
    List<Object> values() {
        return Arrays.asList(offered, answered, abandoned, shortAbandons, timedOut, voicemails, missedRings,
                ratio(100 * answeredWithinThreshold, offered - shortAbandons),
                ratio(answeredWaitMs, 1000 * answered),
                longestWaitMs < 0 ? null : ratio(longestWaitMs, 1000),
                ratio(talkMs, 1000 * answered),
                ratio(talkMs + wrapupMs, 1000 * answered),
                ratio(100 * abandoned, offered),
                ratio(talkMs, 60_000));
    }

    /** numerator / denominator to two decimals, half up; null when the denominator is 0. */
    static Double ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
