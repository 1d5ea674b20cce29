package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.AcdConfig;
import config.model.OfferMode;
import config.model.SessionTimers;
import config.validate.ConfigLoader;
import config.validate.LoadResult;
import ivr.menu.Destination;
import ivr.testkit.ExpectedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IVR built from the config in force, swapped whole on reload. */
class ConfiguredDirectoryTest {
    private static final Path SOUNDS = Path.of("..", "config", "sounds").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private AcdConfig config(String entryMenu) {
        return load("""
                sip: { domain: d }
                http: { token: t }
                trunks: [ { id: carrier, address: "127.0.0.9:5070" } ]
                queues: [ { id: sales, department: Sales, record: true, greeting: %1$s/greeting.wav, announcePosition: 30s } ]
                menus:
                  - { id: main, prompt: %1$s/welcome.wav, options: { "1": { queue: sales } } }
                  - { id: other, prompt: %1$s/closed.wav, then: { hangup: true } }
                numbers: [ { number: "*", menu: %2$s } ]
                """.formatted(SOUNDS, entryMenu));
    }

    private AcdConfig load(String yaml) {
        LoadResult r = new ConfigLoader(Map.of()).parse(yaml, dir.resolve("acd.yaml"));
        assertTrue(r.ok(), () -> r.errors().toString());
        return r.config();
    }

    @Test
    void reloadSwapsTheIvrAndReusesUnchangedPrompts() throws Exception {
        ConfiguredDirectory d = new ConfiguredDirectory(config("main"), Clock.systemUTC());
        assertEquals(Optional.of(Destination.menu("main")), d.entryFor("123"));
        assertTrue(d.ivr().queue("sales").orElseThrow().record());
        assertEquals("127.0.0.9", d.transferTrunk().orElseThrow().address().getHostString());
        assertTrue(d.voicemailDir().endsWith(Path.of("data", "voicemail")), d.voicemailDir().toString());

        var before = d.ivr();
        d.update(config("other"));
        assertEquals(Optional.of(Destination.menu("other")), d.entryFor("123"));
        assertNotSame(before, d.ivr());
        assertSame(before.menus().get("main").prompt(), d.ivr().menus().get("main").prompt(), "loaded once");
    }

    @Test
    void aDelayedOfferTrunkReachesTransfersAndDevicesWithItsOfferMode() throws Exception {
        ConfiguredDirectory d = new ConfiguredDirectory(load("""
                sip: { domain: d, sessionTimers: { expires: 600s, minSE: 120s } }
                http: { token: t }
                trunks: [ { id: carrier, address: "127.0.0.9:5070", offer: delayed } ]
                agents: [ { id: erin, device: "+15550100005", forward: always } ]
                """), Clock.systemUTC());
        assertEquals(OfferMode.DELAYED, d.transferTrunk().orElseThrow().offer());
        assertEquals(OfferMode.DELAYED, d.agent("erin").orElseThrow().trunk().offer());
        assertEquals(new SessionTimers(Duration.ofSeconds(600), Duration.ofSeconds(120)), d.config().sip().sessionTimers());
        assertEquals(OfferMode.EARLY, config("main").trunks().get(0).offer(), "early by default");
        assertEquals(SessionTimers.DEFAULT, config("main").sip().sessionTimers());
    }

    @Test
    void anIvrThatCannotBeBuiltKeepsTheOneInForce() throws Exception {
        try (ExpectedLog log = ExpectedLog.of(ConfiguredDirectory.class)) {
            ConfiguredDirectory d = new ConfiguredDirectory(config("main"), Clock.systemUTC());
            var before = d.ivr();
            Path gone = dir.resolve("gone.wav");
            Files.copy(SOUNDS.resolve("welcome.wav"), gone);
            AcdConfig next = load("""
                    sip: { domain: d }
                    http: { token: t }
                    menus: [ { id: main, prompt: gone.wav, then: { hangup: true } } ]
                    numbers: [ { number: "*", menu: main } ]
                    """);
            Files.delete(gone);
            d.update(next);
            assertSame(before, d.ivr());
            assertSame(next, d.config());
            assertTrue(log.warned("the IVR could not be rebuilt"), log.warnings().toString());
        }
    }
}
