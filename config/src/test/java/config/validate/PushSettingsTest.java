package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import config.reload.ConfigDiff;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push gateway (RFC 8599): optional, an http(s) URL without credentials and a bearer token. */
class PushSettingsTest {
    private static final String HEAD = """
            sip: { domain: acd.example.com }
            http: { token: t }
            """;

    @TempDir
    Path dir;

    private LoadResult load(String yaml) {
        return new ConfigLoader(Map.of("PUSH_TOKEN", "p-secret")).parse(HEAD + yaml, dir.resolve("acd.yaml"));
    }

    private List<String> errors(String yaml) {
        LoadResult r = load(yaml);
        assertFalse(r.ok(), "expected errors");
        return r.errors().stream().map(e -> e.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void withoutThePushSectionThereIsNoPush() {
        LoadResult r = load("");
        assertEquals(List.of(), r.errors());
        assertNull(r.config().push());
    }

    @Test
    void theUrlAndTheSecretToken() {
        LoadResult r = load("push: { url: \"https://push.example.com/v1/wake\", token: \"${PUSH_TOKEN}\" }\n");
        assertEquals(List.of(), r.errors());
        assertEquals(URI.create("https://push.example.com/v1/wake"), r.config().push().url());
        assertEquals("p-secret", r.config().push().token().value());
        assertEquals("****", r.config().push().token().toString());
    }

    @Test
    void aBadUrlOrAMissingFieldIsNamed() {
        assertEquals(List.of("acd.yaml:3:14: push.url: expected an http:// or https:// URL with a host, found "
                + "ftp://push.example.com"), errors("push: { url: \"ftp://push.example.com\", token: t }\n"));
        assertEquals(List.of("acd.yaml:3:14: push.url: put the credentials in push.token, not in the URL (a URL may "
                + "reach a log)"), errors("push: { url: \"https://u:p@push.example.com\", token: t }\n"));
        assertEquals(List.of("acd.yaml:3:7: push: missing required field \"token\""),
                errors("push: { url: \"https://push.example.com\" }\n"));
    }

    @Test
    void aChangedPushGatewayShowsInTheReloadDiffWithoutARestart() {
        ConfigDiff diff = ConfigDiff.between(load("").config(),
                load("push: { url: \"https://push.example.com\", token: t }\n").config());
        assertEquals("push changed", diff.toString());
        assertEquals(List.of(), diff.restartNeeded());
    }
}
