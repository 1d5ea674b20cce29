package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** Agents by status and state, and reachable agents, as the core moves them. */
class AgentSeriesTest {
    private final CoreRig rig = new CoreRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void agentsMoveThroughStatusAndStateWithACall() {
        rig.agents("ann", "bob", "cid")
                .queue(QueueSpec.of("sales", StrategyKind.PRIORITY,
                        List.of(new MemberSpec("ann", 1), new MemberSpec("bob", 2))).withWrapUpMs(30_000))
                .apply().online("ann", "bob", "cid");
        PrometheusText m = rig.scrape();
        assertEquals(3, agents(m, "available", "idle"));
        assertEquals(3, m.value("acd_agents_reachable"));

        rig.engine.pause("bob", "lunch", rig.now);
        rig.call("c1", "sales");
        m = rig.scrape();
        assertEquals(1, agents(m, "available", "ringing"));
        assertEquals(1, agents(m, "paused", "idle"));
        assertEquals(1, agents(m, "available", "idle"));

        rig.answerAfter("c1", Duration.ofSeconds(4));
        rig.engine.logout("cid", rig.now);
        rig.engine.setReachable("cid", false, rig.now);
        m = rig.scrape();
        assertEquals(1, agents(m, "available", "on_call"));
        assertEquals(1, agents(m, "logged_out", "idle"));
        assertEquals(2, m.value("acd_agents_reachable"));

        rig.advance(Duration.ofSeconds(60));
        rig.hangup("c1");
        assertEquals(1, agents(rig.scrape(), "available", "wrap_up"));
        rig.advance(Duration.ofSeconds(30));
        m = rig.scrape();
        assertEquals(1, agents(m, "available", "idle"));
        assertEquals(0, agents(m, "available", "wrap_up"));
        assertEquals(3, m.sum("acd_agents"), "every agent counted exactly once");
    }

    private static double agents(PrometheusText m, String status, String state) {
        return m.value("acd_agents", "status", status, "state", state);
    }
}
