package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.queue.NoAgentsPolicy;
import acd.strategy.StrategyKind;
import config.Wavs;
import config.model.AcdConfig;
import config.model.Forward;
import config.model.HostPort;
import config.model.Queue;
import ivr.menu.Destination;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default config and the examples load, with the values and defaults the reference promises. */
class ShippedConfigsTest {
    static final Map<String, String> ENV = Map.ofEntries(Map.entry("ACD_ADMIN_TOKEN", "token"),
            Map.entry("ACD_METRICS_TOKEN", "metrics"), Map.entry("ACD_DATABASE_URL", "postgresql://acd:pw@db:5432/acd"),
            Map.entry("CARRIER_PASSWORD", "c"), Map.entry("PW_1001", "1"), Map.entry("PW_1002", "2"),
            Map.entry("PW_1003", "3"), Map.entry("PW_1004", "4"), Map.entry("PW_1005", "5"), Map.entry("PW_ANNA", "a"),
            Map.entry("PW_BEN", "b"), Map.entry("PW_CLEO", "c"), Map.entry("ACD_PUSH_TOKEN", "push"));

    private final Path module = Wavs.moduleDir();

    /** Loads a shipped file in place, with the default sounds in config/sounds. */
    private AcdConfig load(String shipped) {
        LoadResult r = new ConfigLoader(ENV).load(module.resolve(shipped));
        assertEquals(List.of(), r.errors());
        return r.config();
    }

    @Test
    void defaultConfigRunsOutOfTheBox() {
        LoadResult r = new ConfigLoader(Map.of()).load(module.resolve("acd.yaml"));
        assertEquals(List.of(), r.errors(), "no environment needed");
        AcdConfig c = r.config();
        assertEquals(new HostPort("0.0.0.0", 5060), c.sip().listen());
        assertNull(c.sip().advertise(), "auto");
        assertEquals("change-me", c.http().token().value());
        assertEquals(module.resolve("data"), c.storage().dir(), "./data beside config/acd.yaml: config/data");
        assertEquals(module.resolve("data/recordings"), c.storage().recordings());
        assertEquals(List.of("alice", "bob", "carol", "dave"), c.agents().stream().map(a -> a.id()).toList());
        Queue sales = c.queue("sales").orElseThrow();
        assertEquals(StrategyKind.PRIORITY, sales.strategy());
        assertEquals(Duration.ofSeconds(15), sales.ringTimeout());
        assertEquals(Duration.ofMinutes(3), sales.maxWaitTime());
        assertEquals(Destination.voicemail("sales"), sales.whenMaxWait());
        assertEquals(module.resolve("sounds/hold-music.wav"), sales.holdMusic());
        assertEquals(Destination.menu("main"), c.number("+3725550000").orElseThrow().entry());
    }

    @Test
    void callCenterExample() throws Exception {
        AcdConfig c = load("examples/call-center.yaml");
        assertEquals(6, c.agents().size());
        assertEquals("push", c.push().token().value());
        assertEquals(Forward.ON_NO_ANSWER, c.agent("bob").orElseThrow().forward());
        assertEquals("backup", c.agent("frank").orElseThrow().trunk());
        assertEquals(Boolean.TRUE, c.agent("frank").orElseThrow().forwardConfirm());
        assertNull(c.agent("bob").orElseThrow().forwardConfirm(), "the queue decides");
        assertFalse(c.queue("sales").orElseThrow().forwardConfirm());
        assertTrue(c.trunk("carrier").orElseThrow().allow().get(1).contains(InetAddress.getByName("2001:db8:100::7")));
        assertEquals("carrier", c.trunkAllowing(InetAddress.getByName("198.51.100.200")).orElseThrow().id());
        assertEquals("backup", c.trunkAllowing(InetAddress.getByName("192.0.2.50")).orElseThrow().id());
        assertTrue(c.trunkAllowing(InetAddress.getByName("192.0.2.51")).isEmpty());
        assertEquals("dave", c.agentByExtension("1004").orElseThrow().id());
        assertEquals(NoAgentsPolicy.FALLBACK, c.queue("billing").orElseThrow().whenNoAgents());
        assertEquals(Destination.transfer("+15550199999"), c.menu("closed").orElseThrow().options().get("*"));
        var main = c.number("+15550100000").orElseThrow();
        // Thursday 2026-11-26 is Thanksgiving, a holiday in the example; Friday is open at 10:00 New York time.
        assertEquals(Destination.menu("closed"), main.routeAt(Instant.parse("2026-11-26T15:00:00Z")));
        assertEquals(Destination.menu("main"), main.routeAt(Instant.parse("2026-11-27T15:00:00Z")));
        assertEquals(Destination.menu("closed"), main.routeAt(Instant.parse("2026-11-29T15:00:00Z")), "Sunday");
        assertEquals(Destination.queue("support"), c.number("+15550100020").orElseThrow().routeAt(Instant.parse("2026-11-27T04:59:00Z")));
        assertEquals(Destination.menu("main"), c.number("+19995550000").orElseThrow().entry(), "the * entry");
    }

    @Test
    void smallOfficeExampleAndDefaults() {
        AcdConfig c = load("examples/small-office.yaml");
        Queue office = c.queue("office").orElseThrow();
        assertEquals(StrategyKind.RING_ALL, office.strategy());
        assertEquals(1, office.members().get(0).priority(), "default member priority");
        assertEquals(Duration.ZERO, office.wrapUpTime());
        assertEquals(3, office.autoPause());
        assertFalse(office.record());
        assertEquals(Duration.ofSeconds(4), c.menu("closed").orElseThrow().timeout());
        assertEquals(Destination.HANGUP, c.menu("closed").orElseThrow().otherwise());
        assertEquals(Path.of("/var/lib/acd/recordings"), c.storage().recordings());
        assertEquals("20000-20999", c.rtp().ports().toString());
        assertEquals(Duration.ofSeconds(60), c.rtp().timeout(), "the default");
    }

    @Test
    void brokenExampleReportsEveryMistake() {
        LoadResult r = new ConfigLoader(Map.of()).load(module.resolve("examples/broken/mistakes.yaml"));
        assertFalse(r.ok());
        assertEquals(14, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().stream().allMatch(e -> e.file().endsWith("mistakes.yaml")));
    }
}
