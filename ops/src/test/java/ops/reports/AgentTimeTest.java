package ops.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replaying status events without a database: minutes past 10:00 UTC, hourly periods 10:00-12:00. */
class AgentTimeTest {
    private static final long T0 = Instant.parse("2024-05-06T10:00:00Z").toEpochMilli();
    private static final Periods HOURS = Periods.of(new ReportRequest(ReportRequest.By.AGENT,
            ReportRequest.Group.HOUR, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 120 * 60_000),
            ZoneId.of("UTC")));

    @Test
    void aPauseBeforeTheRangeCountsFromItsStartAndAcrossTheHour() {
        AgentTime time = AgentTime.of(List.of(
                event("a", -30, "PAUSE", null),
                event("a", 70, "UNPAUSE", null)), HOURS, Long.MAX_VALUE);
        AgentTime.Totals first = time.totals("a", 0);
        assertEquals(3_600_000, first.loggedInMs);
        assertEquals(3_600_000, first.pausedMsByReason.get("unspecified"));
        assertEquals(600_000, time.totals("a", 1).pausedMs);
        assertEquals(3_600_000, time.totals("a", 1).loggedInMs);
    }

    @Test
    void aLogoffEndsThePauseAndALoginAfterItStartsUnpaused() {
        AgentTime time = AgentTime.of(List.of(
                event("a", 10, "PAUSE", "Lunch / Break!"),
                event("a", 20, "AGENTLOGOFF", null),
                event("a", 100, "AGENTLOGIN", null)), HOURS, T0 + 110 * 60_000);
        assertEquals(Set.of("lunch_break"), time.reasons());
        assertEquals(600_000, time.totals("a", 0).loggedInMs);
        assertEquals(600_000, time.totals("a", 0).pausedMs);
        assertEquals(600_000, time.totals("a", 1).loggedInMs, "10 minutes up to now");
        assertEquals(0, time.totals("a", 1).pausedMs);
    }

    @Test
    void anAgentWhoseLastEventBeforeTheRangeWasALogoffHasNoTime() {
        AgentTime time = AgentTime.of(List.of(event("a", -90, "AGENTLOGIN", null),
                event("a", -5, "AGENTLOGOFF", null)), HOURS, Long.MAX_VALUE);
        assertEquals(Set.of(), time.agents());
        assertNull(time.totals("a", 0));
    }

    private static AgentEvent event(String agent, int minutes, String event, String reason) {
        return new AgentEvent(agent, T0 + minutes * 60_000L, event, reason);
    }
}
