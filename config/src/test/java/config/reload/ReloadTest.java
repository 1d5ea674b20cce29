package config.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.command.AcdProxy;
import acd.command.CommandSink;
import acd.engine.AcdEngine;
import acd.engine.AgentView;
import acd.event.AcdEventListener;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl.Leave;
import acd.testkit.RecordingCallControl.Ring;
import acd.testkit.RecordingCallControl;
import config.Wavs;
import config.build.AcdSpecs;
import config.build.IvrSpecs;
import config.model.AcdConfig;
import config.validate.ConfigLoader;
import ivr.audio.PromptCache;
import ivr.menu.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads applied to a routing core running in virtual time: live state survives, changes apply. */
class ReloadTest {
    static final String CONFIG = """
            sip: { domain: acd.example.com }
            http: { token: t }
            agents:
              - { id: alice, extension: "1001", password: a }
              - { id: bob, extension: "1002", password: b }
            queues:
              - id: sales
                strategy: priority
                ringTimeout: 15s
                whenMaxWait: { menu: main }
                members: [ { agent: alice, priority: 1 }, { agent: bob, priority: 5 } ]
              - id: support
                strategy: random
                maxWaitTime: 5m
                whenMaxWait: { voicemail: sales }
                members: []
            menus:
              - id: main
                prompt: sounds/welcome.wav
                options: { "1": { queue: sales }, "2": { queue: support } }
            numbers:
              - { number: "*", menu: main }
            """;

    @TempDir
    Path dir;
    Path file;
    long now = 1_000_000;
    final RecordingCallControl control = new RecordingCallControl();
    AcdEngine engine;
    ConfigReloader reloader;

    @BeforeEach
    void start() throws IOException {
        Wavs.write(dir.resolve("sounds/welcome.wav"));
        file = dir.resolve("acd.yaml");
        Files.writeString(file, CONFIG);
        ConfigLoader loader = new ConfigLoader(Map.of());
        AcdConfig initial = loader.load(file).config();
        engine = new AcdEngine(control, AcdEventListener.NONE, new SplittableRandom(7), ZoneOffset.UTC, now);
        engine.configure(AcdSpecs.agents(initial), AcdSpecs.queues(initial), now);
        reloader = new ConfigReloader(file, loader, initial, Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        reloader.addListener(new EngineApplier(new AcdProxy(CommandSink.direct(engine, () -> now))));
    }

    private ReloadStatus save(String yaml) throws IOException {
        Files.writeString(file, yaml);
        now += 1000;
        return reloader.reload("test");
    }

    private void online(String... agents) {
        for (String a : agents) {
            engine.setReachable(a, true, now);
            engine.login(a, now);
            now += 1000;
        }
    }

    @Test
    void pausedAgentStaysPaused() throws IOException {
        online("alice", "bob");
        engine.pause("alice", "lunch", now);
        ReloadStatus s = save(CONFIG.replace("ringTimeout: 15s", "ringTimeout: 20s")
                + "  - { number: \"+15550100\", queue: sales }\n");
        assertTrue(s.ok(), s.errors().toString());
        assertEquals("queues: ~sales; numbers: +" + "+15550100", s.diff().toString());
        assertEquals(AgentStatus.PAUSED, engine.agent("alice").orElseThrow().status());
        assertEquals("lunch", engine.agent("alice").orElseThrow().pauseReason());
        assertTrue(engine.agent("bob").orElseThrow().offerable());
    }

    @Test
    void pauseReasonsApplyAtOnce() throws IOException {
        ReloadStatus s = save(CONFIG.replace("agents:\n", "pauseReasons: [break, training]\nagents:\n"));
        assertTrue(s.ok(), s.errors().toString());
        assertEquals("pauseReasons changed", s.diff().toString());
        assertEquals(List.of("break", "training"), reloader.current().pauseReasons());
    }

    @Test
    void callOnTheLineSurvives() throws IOException {
        online("alice", "bob");
        engine.enqueue("c1", "sales", 1, now);
        assertEquals(List.of(new Ring("c1", "alice", 15_000)), control.of(Ring.class));
        engine.answered("c1", "alice", now);
        ReloadStatus s = save(CONFIG.replace("strategy: priority", "strategy: ring-all")
                .replace("{ id: bob, extension: \"1002\", password: b }", "{ id: bob, name: Robert, extension: \"1002\", password: b }"));
        assertEquals("agents: ~bob; queues: ~sales", s.diff().toString());
        assertEquals(CallState.BRIDGED, engine.call("c1").orElseThrow().state());
        assertEquals("alice", engine.call("c1").orElseThrow().agentId());
        assertEquals(AgentState.ON_CALL, engine.agent("alice").orElseThrow().state());
        engine.hangup("c1", now + 60_000);
        assertEquals(AgentState.IDLE, engine.agent("alice").orElseThrow().state(), "no wrap-up configured");
        assertTrue(engine.agent("alice").orElseThrow().offerable());
    }

    @Test
    void changedStrategyAppliesToTheNextRouting() throws IOException {
        online("bob", "alice"); // bob has been idle longest
        engine.enqueue("c1", "sales", 1, now);
        assertEquals("alice", control.of(Ring.class).get(0).agentId(), "priority: alice (1) before bob (5)");
        engine.hangup("c1", now);
        control.clear();
        save(CONFIG.replace("strategy: priority", "strategy: longest-idle"));
        assertEquals(StrategyKind.LONGEST_IDLE, engine.queue("sales").orElseThrow().strategy());
        engine.enqueue("c2", "sales", 1, now);
        assertEquals(List.of(new Ring("c2", "bob", 15_000)), control.of(Ring.class));
    }

    @Test
    void removedQueueSendsItsWaitingCallerToItsFallback() throws IOException {
        IvrSpecs before = IvrSpecs.build(reloader.current(), new PromptCache());
        engine.enqueue("c1", "support", 1, now);
        assertEquals(CallState.WAITING, engine.call("c1").orElseThrow().state());
        String withoutSupport = CONFIG.replace("""
                  - id: support
                    strategy: random
                    maxWaitTime: 5m
                    whenMaxWait: { voicemail: sales }
                    members: []
                """, "").replace(", \"2\": { queue: support }", "");
        ReloadStatus s = save(withoutSupport);
        assertTrue(s.ok(), s.errors().toString());
        assertEquals("queues: -support; menus: ~main", s.diff().toString());
        assertEquals(List.of(new Leave("c1", "support", CallOutcome.QUEUE_REMOVED)), control.of(Leave.class));
        assertEquals(Destination.voicemail("sales"), before.queue("support").orElseThrow().fallback(),
                "the gateway sends the caller on to the fallback it had on joining");
        assertTrue(engine.queue("support").isEmpty());
        assertTrue(reloader.current().queue("support").isEmpty());
    }

    @Test
    void invalidFileLeavesEverythingAsItWas() throws IOException {
        online("alice", "bob");
        engine.pause("bob", "training", now);
        engine.enqueue("c1", "support", 1, now);
        AcdConfig before = reloader.current();
        ReloadStatus s = save(CONFIG.replace("strategy: priority", "strategy: fastest")
                .replace("- id: support", "- id: sales").replace("agent: bob, priority: 5", "agent: carol, priority: 5"));
        assertFalse(s.ok());
        assertNull(s.diff());
        assertEquals(List.of(
                "8:15: queues[0].strategy: unknown strategy \"fastest\"; expected one of priority, longest-idle, random, ring-all, round-robin, fewest-calls",
                "11:56: queues[0].members[1].agent: unknown agent \"carol\" (known: alice, bob)",
                "12:9: queues[1].id: duplicate queue \"sales\" (first at line 7)",
                "20:53: menus[0].options.2.queue: unknown queue \"support\" (known: sales)"),
                s.errors().stream().map(e -> e.location() + ": " + e.path() + ": " + e.message()).toList());
        assertEquals(s, reloader.lastStatus());
        assertEquals(before, reloader.current(), "the running config stays in force");
        assertEquals(StrategyKind.PRIORITY, engine.queue("sales").orElseThrow().strategy());
        assertEquals(2, engine.queue("sales").orElseThrow().members());
        assertEquals(CallState.WAITING, engine.call("c1").orElseThrow().state());
        assertEquals("training", engine.agent("bob").orElseThrow().pauseReason());
        assertEquals(List.of(), control.of(Leave.class));

        ReloadStatus fixed = save(CONFIG.replace("strategy: priority", "strategy: round-robin"));
        assertTrue(fixed.ok());
        assertEquals(StrategyKind.ROUND_ROBIN, engine.queue("sales").orElseThrow().strategy());
    }

    @Test
    void addedAndRemovedAgents() throws IOException {
        online("alice", "bob");
        ReloadStatus s = save(CONFIG.replace("  - { id: bob, extension: \"1002\", password: b }\n",
                "  - { id: carol, extension: \"1003\", password: c }\n").replace("agent: bob,", "agent: carol,"));
        assertEquals("agents: +carol -bob; queues: ~sales", s.diff().toString());
        assertTrue(engine.agent("bob").isEmpty(), "an idle removed agent leaves at once");
        AgentView carol = engine.agent("carol").orElseThrow();
        assertEquals(AgentStatus.AVAILABLE, carol.status(), "a new agent is logged in from the start");
        assertFalse(carol.reachable(), "but is offered calls only once reachable");
        assertFalse(carol.offerable());
        assertTrue(engine.agent("alice").orElseThrow().offerable());
    }
}
