package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import config.model.AcdConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor page's settings: the read-only wallboard token and the pause reasons it offers. */
class PageSettingsTest {
    @TempDir
    Path dir;

    private LoadResult load(String yaml, Map<String, String> env) {
        return new ConfigLoader(env).parse(yaml, dir.resolve("acd.yaml"));
    }

    private List<String> errors(String yaml) {
        LoadResult r = load(yaml, Map.of());
        assertFalse(r.ok(), "expected errors");
        return r.errors().stream().map(e -> e.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void theWallboardTokenIsASecretAndTheReasonsDefault() {
        LoadResult r = load("""
                sip: { domain: acd.example.com }
                http: { token: t, wallboardToken: "${WALL}" }
                """, Map.of("WALL", "w"));
        assertEquals(List.of(), r.errors());
        assertEquals("w", r.config().http().wallboardToken().value());
        assertEquals("****", r.config().http().wallboardToken().toString());
        assertEquals(AcdConfig.DEFAULT_PAUSE_REASONS, r.config().pauseReasons());
    }

    @Test
    void withoutAWallboardTokenThereIsNone() {
        LoadResult r = load("""
                sip: { domain: acd.example.com }
                http: { token: t }
                pauseReasons: [ break, "  lunch ", team meeting ]
                """, Map.of());
        assertEquals(List.of(), r.errors());
        assertNull(r.config().http().wallboardToken());
        assertEquals(List.of("break", "lunch", "team meeting"), r.config().pauseReasons());
    }

    @Test
    void theWallboardTokenMustDifferFromTheTokenAndNeedsOne() {
        assertEquals(List.of("acd.yaml:2:38: http.wallboardToken: must differ from http.token: whoever has the "
                        + "wallboard token may only read"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: same, wallboardToken: same }
                        """));
        assertEquals(List.of("acd.yaml:2:7: http: missing required field \"token\"",
                        "acd.yaml:2:25: http.wallboardToken: needs http.token: the wallboard token is a read-only "
                                + "second token beside it"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { wallboardToken: w }
                        """));
    }

    @Test
    void pauseReasonsAreNonBlankShortAndListedOnce() {
        assertEquals(List.of(
                        "acd.yaml:3:15: pauseReasons: a reason is listed twice: [break, break, lunch]"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: t }
                        pauseReasons: [ break, break, lunch ]
                        """));
        assertEquals(List.of(
                        "acd.yaml:3:24: pauseReasons[1]: a pause reason must not be blank",
                        "acd.yaml:3:29: pauseReasons[2]: a pause reason is at most 200 characters, this one has 201"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: t }
                        pauseReasons: [ break, " ", %s ]
                        """.formatted("y".repeat(201))));
        assertEquals(List.of("acd.yaml:3:15: pauseReasons: list at least one reason, or leave pauseReasons out for the defaults"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: t }
                        pauseReasons: []
                        """));
        assertEquals(List.of("acd.yaml:3:15: pauseReasons: expected a list, found a mapping"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: t }
                        pauseReasons: { break: 1 }
                        """));
    }
}
