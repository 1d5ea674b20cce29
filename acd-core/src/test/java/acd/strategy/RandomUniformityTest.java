package acd.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentSpec;
import acd.engine.AcdEngine;
import acd.event.AcdEventListener;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.testkit.RecordingCallControl;
import acd.testkit.RecordingCallControl.Ring;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random strategy picks uniformly among equal agents, and never re-rings before every member was tried. */
class RandomUniformityTest {
    private static final int AGENTS = 6;
    private static final int ROUTINGS = 12_000;
    /** Chi-square critical value for 5 degrees of freedom at p = 0.999. */
    private static final double CHI_SQUARE_5DF_999 = 20.515;
    private static final long RING_TIMEOUT_MS = 10_000;

    private final RecordingCallControl port = new RecordingCallControl();
    private final AcdEngine engine = new AcdEngine(port, AcdEventListener.NONE, new SplittableRandom(20261125L),
            ZoneOffset.UTC, 0);
    private final List<String> agentIds = new ArrayList<>();
    private long now;

    RandomUniformityTest() {
        List<AgentSpec> agents = new ArrayList<>();
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String id = "agent" + i;
            agentIds.add(id);
            agents.add(AgentSpec.of(id));
            members.add(new MemberSpec(id, 1));
        }
        QueueSpec queue = QueueSpec.of("support", StrategyKind.RANDOM, members)
                .withRingTimeoutMs(RING_TIMEOUT_MS)
                .withAutoPauseAfter(0);
        engine.configure(agents, List.of(queue), now);
        for (String id : agentIds) {
            engine.setReachable(id, true, now);
            engine.login(id, now);
        }
    }

    @Test
    void picksAreUniformAmongEqualAgents() {
        long[] picks = new long[AGENTS];
        for (int i = 0; i < ROUTINGS; i++) {
            String callId = "c" + i;
            engine.enqueue(callId, "support", 0, ++now);
            picks[agentIds.indexOf(onlyRing(callId))]++;
            engine.hangup(callId, ++now);
            port.clear();
        }
        double expected = (double) ROUTINGS / AGENTS;
        double chiSquare = 0;
        for (long observed : picks) {
            chiSquare += (observed - expected) * (observed - expected) / expected;
        }
        assertTrue(chiSquare < CHI_SQUARE_5DF_999,
                "chi-square " + chiSquare + " over " + ROUTINGS + " routings, picks " + Arrays.toString(picks));
    }

    @Test
    void afterARingTimeoutTheNextPickIsAnUntriedMember() {
        for (int c = 0; c < 300; c++) {
            String callId = "c" + c;
            engine.enqueue(callId, "support", 0, ++now);
            Set<String> tried = new HashSet<>();
            for (int round = 0; round < AGENTS; round++) {
                String agent = onlyRing(callId);
                assertFalse(tried.contains(agent), callId + " rang " + agent + " again while untried remain: " + tried);
                tried.add(agent);
                now += RING_TIMEOUT_MS;
                engine.advanceTo(now);
            }
            assertEquals(Set.copyOf(agentIds), tried);
            onlyRing(callId); // every member tried: a new round starts rather than the call stalling
            engine.hangup(callId, ++now);
            port.clear();
        }
    }

    /** The one ring the last command caused, for {@code callId}; clears the recording. */
    private String onlyRing(String callId) {
        List<Ring> rings = port.of(Ring.class);
        assertEquals(1, rings.size(), "rings after the last step: " + port.commands());
        assertEquals(callId, rings.get(0).callId());
        port.clear();
        return rings.get(0).agentId();
    }
}
