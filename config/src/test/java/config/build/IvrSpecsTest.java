package config.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.AcdConfig;
import config.validate.ConfigLoader;
import config.validate.LoadResult;
import ivr.audio.PromptCache;
import ivr.menu.Destination;
import ivr.menu.Menu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IvrSpecsTest {
    private static final Path SOUNDS = Path.of("sounds").toAbsolutePath();

    private static AcdConfig shipped() {
        LoadResult r = new ConfigLoader(Map.of()).load(Path.of("acd.yaml"));
        assertTrue(r.ok(), () -> r.errors().toString());
        return r.config();
    }

    @Test
    void shippedConfigMapsMenusEntriesAndQueueAudio() throws Exception {
        PromptCache cache = new PromptCache();
        IvrSpecs specs = IvrSpecs.build(shipped(), cache);

        Menu main = specs.menus().get("main");
        assertEquals(Duration.ofSeconds(5), main.timeout());
        assertEquals(2, main.retries());
        assertNotNull(main.invalid());
        assertEquals(Destination.queue("sales"), main.options().get("1"));
        assertEquals(Destination.menu("goodbye"), main.options().get("0"));
        assertEquals(Destination.queue("support"), main.otherwise());
        Menu goodbye = specs.menus().get("goodbye");
        assertFalse(goodbye.collectsInput());
        assertEquals(Destination.HANGUP, goodbye.then());

        assertEquals(Optional.of(Destination.menu("main")), specs.entries().route("12345", Instant.now()));
        IvrSpecs.QueueMedia sales = specs.queue("sales").orElseThrow();
        assertTrue(sales.record());
        assertEquals(Destination.voicemail("sales"), sales.fallback(), "the queue's whenMaxWait");
        assertEquals(Destination.menu("goodbye"), specs.queue("support").orElseThrow().fallback());
        assertEquals(Duration.ofSeconds(30), sales.audio().announceEvery());
        assertNotNull(sales.audio().phrases());
        assertSame(sales.audio().holdMusic(), specs.queue("support").orElseThrow().audio().holdMusic(),
                "one prompt loaded once, shared");
        assertNotNull(specs.sounds().voicemail());
    }

    @Test
    void examplesFindTheSharedSoundsThroughTheirOwnSoundPaths() throws Exception {
        LoadResult r = ConfigLoader.withoutSecrets().load(Path.of("examples", "call-center.yaml"));
        AcdConfig c = r.config();
        assertNotNull(c, () -> r.errors().toString());
        assertEquals(SOUNDS.normalize(), IvrSpecs.sharedSoundsDir(c).normalize());
        assertNotNull(IvrSpecs.build(c, new PromptCache()).queue("sales").orElseThrow().audio().phrases());
    }

    @Test
    void businessHoursSendClosedCallsToTheClosedTarget() throws Exception {
        Path dir = Files.createTempDirectory("ivrspecs");
        Files.copy(SOUNDS.resolve("welcome.wav"), dir.resolve("welcome.wav"));
        AcdConfig c = new ConfigLoader(Map.of()).parse("""
                sip: { domain: d }
                http: { token: t }
                queues: [ { id: sales, record: false } ]
                menus:
                  - id: main
                    prompt: welcome.wav
                    options: { "1": { queue: sales } }
                  - id: closed
                    prompt: welcome.wav
                    then: { voicemail: sales }
                numbers:
                  - number: "100"
                    menu: main
                    hours:
                      timezone: Europe/Tallinn
                      open: { mon-fri: "09:00-17:00", sat: "10:00-24:00" }
                      holidays: ["2026-12-24"]
                      closed: { menu: closed }
                """, dir.resolve("acd.yaml")).config();
        IvrSpecs specs = IvrSpecs.build(c, SOUNDS, new PromptCache());
        // Wednesday 2026-11-25 10:00 in Tallinn (UTC+2) is open, 18:00 is not
        assertEquals(Optional.of(Destination.menu("main")), specs.entries().route("100", Instant.parse("2026-11-25T08:00:00Z")));
        assertEquals(Optional.of(Destination.menu("closed")), specs.entries().route("100", Instant.parse("2026-11-25T16:00:00Z")));
        assertEquals(Optional.of(Destination.menu("main")), specs.entries().route("100", Instant.parse("2026-11-28T21:59:00Z")),
                "Saturday open until midnight");
        assertEquals(Optional.of(Destination.menu("closed")), specs.entries().route("100", Instant.parse("2026-12-24T10:00:00Z")));
        assertEquals(Optional.empty(), specs.entries().route("200", Instant.now()));
        assertEquals(Destination.voicemail("sales"), specs.menus().get("closed").then());
        assertNull(specs.queue("sales").orElseThrow().audio().announceEvery());
        assertNotNull(IvrSpecs.build(c, dir.resolve("no-such-folder"), new PromptCache()).sounds().holdMusic(),
                "built-in shared sounds when the folder has none");
    }
}
