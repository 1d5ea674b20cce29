package config.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import acd.agent.AgentSpec;
import acd.queue.MemberSpec;
import acd.queue.NoAgentsPolicy;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.AcdConfig;
import config.validate.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcdSpecsTest {
    @TempDir
    Path dir;

    @Test
    void mapsAgentsAndQueuesWithTheirDefaults() {
        AcdConfig c = new ConfigLoader(Map.of()).parse("""
                sip: { domain: d }
                http: { token: t }
                trunks: [ { id: carrier, address: 192.0.2.1 } ]
                agents:
                  - { id: alice, name: Alice, extension: "1001", password: p, device: "+15550100", forward: on-no-answer }
                  - { id: bob, extension: "1002", password: p }
                queues:
                  - id: sales
                    department: Sales
                    strategy: fewest-calls
                    ringTimeout: 12s
                    maxWaitTime: 1m30s
                    whenMaxWait: { voicemail: sales }
                    whenNoAgents: fallback
                    wrapUpTime: 500ms
                    maxLength: 7
                    autoPause: 0
                    members: [ { agent: alice, priority: 3 }, { agent: bob } ]
                  - { id: plain }
                """, dir.resolve("acd.yaml")).config();
        assertEquals(List.of(new AgentSpec("alice", "Alice", true), new AgentSpec("bob", "bob", false)), AcdSpecs.agents(c));
        assertEquals(List.of(
                new QueueSpec("sales", "Sales", StrategyKind.FEWEST_CALLS, 12_000, 90_000,
                        NoAgentsPolicy.FALLBACK, 7, 500, 0, List.of(new MemberSpec("alice", 3), new MemberSpec("bob", 1))),
                QueueSpec.of("plain", StrategyKind.PRIORITY, List.of())),
                AcdSpecs.queues(c));
    }
}
