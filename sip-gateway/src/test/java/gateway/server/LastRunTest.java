package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.agent.AgentStatus;
import acd.agent.RestoredStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the start-up log says of agents the records left away from calls. */
class LastRunTest {
    @Test
    void namesTheConfiguredAgentsWhoStartAwayInTheConfigsOrder() {
        LastRun last = new LastRun(List.of(), Map.of(
                "alice", new RestoredStatus(AgentStatus.PAUSED, "lunch"),
                "bob", new RestoredStatus(AgentStatus.AVAILABLE, null),
                "dave", new RestoredStatus(AgentStatus.LOGGED_OUT, null),
                "gone", new RestoredStatus(AgentStatus.LOGGED_OUT, null)), Map.of());
        assertEquals("alice paused (lunch), dave logged out", last.away(List.of("alice", "bob", "carol", "dave")));
        assertEquals("", LastRun.NONE.away(List.of("alice")));
    }
}
