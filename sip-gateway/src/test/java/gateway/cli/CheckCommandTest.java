package gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final String GOOD = """
            sip: { domain: acd.example.com }
            http: { token: t }
            agents: [ { id: alice, extension: "1001", password: "${ACD_TEST_SURELY_UNSET_PW:-pw}" } ]
            queues: [ { id: sales, members: [ { agent: alice } ] } ]
            numbers: [ { number: "*", queue: sales } ]
            """;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f.toString();
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void validFilePrintsOk() throws IOException {
        assertEquals(0, run("check", file("acd.yaml", GOOD)));
        assertEquals("OK\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void brokenFilePrintsEveryErrorAndFails() throws IOException {
        String f = file("acd.yaml", GOOD.replace("{ agent: alice }", "{ agent: carol, priority: 0 }")
                .replace("domain:", "domian:"));
        assertEquals(1, run("check", f));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(
                f + ":1:6: sip: missing required field \"domain\"",
                f + ":1:8: sip.domian: unknown field (did you mean \"domain\"?)",
                f + ":4:44: queues[0].members[0].agent: unknown agent \"carol\" (known: alice)",
                f + ":4:61: queues[0].members[0].priority: priority 0 is outside 1..100",
                f + ": 4 errors"), errLines());
    }

    @Test
    void unsetSecretsFailUnlessSkipped() throws IOException {
        String f = file("acd.yaml", GOOD.replace("token: t", "token: \"${ACD_TEST_SURELY_UNSET_TOKEN}\""));
        assertEquals(1, run("check", f));
        assertEquals(f + ":2:16: http.token: environment variable ACD_TEST_SURELY_UNSET_TOKEN is not set", errLines().get(0));
        out.reset();
        assertEquals(0, run("check", "--skip-env", f));
        assertEquals("OK\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void severalFiles() throws IOException {
        String good = file("good.yaml", GOOD);
        String bad = file("bad.yaml", "sip: [");
        assertEquals(1, run("check", good, bad));
        assertEquals(good + ": OK\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(errLines().get(0).startsWith(bad + ":"), errLines().toString());
        assertEquals(bad + ": 1 error", errLines().get(1));
    }

    @Test
    void missingFileIsAnError() {
        String missing = dir.resolve("nope.yaml").toString();
        assertEquals(1, run("check", missing));
        assertTrue(errLines().get(0).startsWith(missing + ":1:1: cannot read the file"), errLines().toString());
    }

    @Test
    void usage() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("acd check [--skip-env] FILE..."));
        assertEquals(2, run("check"));
        assertEquals(2, run("chek", "x.yaml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command \"chek\""));
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: acd COMMAND"));
    }
}
