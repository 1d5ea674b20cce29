package config.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.command.AcdProxy;
import acd.engine.AcdEngine;
import acd.engine.AcdLoop;
import acd.event.AcdEventListener;
import acd.strategy.StrategyKind;
import acd.testkit.RecordingCallControl;
import config.Wavs;
import config.build.AcdSpecs;
import config.model.AcdConfig;
import config.validate.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production path: a reload is posted to the core's own loop thread. */
class EngineApplierTest {
    @TempDir
    Path dir;

    @Test
    void reloadIsAppliedOnTheLoop() throws Exception {
        Wavs.write(dir.resolve("sounds/welcome.wav"));
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, ReloadTest.CONFIG);
        ConfigLoader loader = new ConfigLoader(Map.of());
        AcdConfig initial = loader.load(file).config();
        var clock = AcdLoop.monotonicWallClock();
        AcdEngine engine = new AcdEngine(new RecordingCallControl(), AcdEventListener.NONE, new SplittableRandom(1),
                ZoneOffset.UTC, clock.getAsLong());
        try (AcdLoop loop = new AcdLoop(engine, clock, "acd-test").start()) {
            AcdProxy core = new AcdProxy(loop);
            core.configure(AcdSpecs.agents(initial), AcdSpecs.queues(initial));
            ConfigReloader reloader = new ConfigReloader(file, loader, initial, Clock.systemUTC());
            reloader.addListener(new EngineApplier(core));
            core.reachable("alice", true);
            core.login("alice");
            core.pause("alice", "coffee");

            Files.writeString(file, ReloadTest.CONFIG.replace("strategy: priority", "strategy: ring-all"));
            assertTrue(reloader.reload("SIGHUP").ok());

            assertEquals(StrategyKind.RING_ALL,
                    core.queue("sales").get(30, TimeUnit.SECONDS).orElseThrow().strategy());
            assertEquals("coffee", core.agent("alice").get(30, TimeUnit.SECONDS).orElseThrow().pauseReason());
            assertEquals("SIGHUP", reloader.lastStatus().trigger());
        }
    }
}
