package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import config.Wavs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** config/acd.schema.json accepts every shipped config and rejects the same broken configs the validator does. */
class SchemaTest {
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        String json = Files.readString(Wavs.moduleDir().resolve("acd.schema.json"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json, InputFormat.JSON);
    }

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Wavs.moduleDir().resolve("examples"))) {
            List<String> examples = files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> "examples/" + p.getFileName()).sorted().toList();
            assertTrue(examples.size() >= 2, "examples found: " + examples);
            return Stream.concat(Stream.of("acd.yaml"), examples.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedConfigValidates(String name) throws IOException {
        String yaml = Files.readString(Wavs.moduleDir().resolve(name));
        assertEquals(List.of(), schema.validate(yaml, InputFormat.YAML), name);
        assertEquals(List.of(), new ConfigLoader(ShippedConfigsTest.ENV).load(Wavs.moduleDir().resolve(name)).errors(), name);
    }

    private static final String VALID = """
            sip: { domain: acd.example.com }
            http: { token: t }
            agents:
              - { id: alice, extension: "1001", password: p }
            queues:
              - id: sales
                ringTimeout: 15s
                whenMaxWait: { hangup: true }
                members: [ { agent: alice, priority: 1 } ]
            menus:
              - id: main
                prompt: sounds/welcome.wav
                options: { "1": { queue: sales } }
            numbers:
              - { number: "*", menu: main }
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "ringTimeout: 15s=>ringTimout: 15s",            // unknown field
        "ringTimeout: 15s=>ringTimeout: 15",            // bad duration
        "ringTimeout: 15s=>ringTimeout: 15 seconds",    // bad duration
        "priority: 1 }=>priority: 0 }",                 // priority outside 1..100
        "priority: 1 }=>priority: 101 }",
        "priority: 1 }=>priority: high }",              // wrong type
        "\"1\": { queue=>\"x\": { queue",               // option key that is not a DTMF digit
        "{ hangup: true }=>{ hangup: true, queue: sales }", // two targets
        "{ hangup: true }=>{ }",                        // no target
        "ringTimeout: 15s=>strategy: ringall",          // unknown strategy
        "{ domain: acd.example.com }=>{ listen: \"0.0.0.0:5060\" }", // missing required field
        "id: main=>name: main",                         // missing menu id
        "members: [=>members: alice\n    x: [",         // wrong type (and an unknown field)
        "{ number: \"*\", menu: main }=>{ number: \"*\" }", // number without entry
        "{ token: t }=>{ token: t, tokens: u }",        // unknown field
        "numbers:=>trunks: [ { id: c, address: 192.0.2.1, register: true } ]\nnumbers:", // register without credentials
        "numbers:=>trunks: [ { id: c, address: 192.0.2.1, transport: tls } ]\nnumbers:",  // unknown transport
    })
    void brokenConfigsAreRejectedByBoth(String edit) {
        String[] parts = edit.split("=>", 2);
        assertTrue(VALID.contains(parts[0]), parts[0]);
        String broken = VALID.replace(parts[0], parts[1]);
        Wavs.write(dir.resolve("sounds/welcome.wav"));
        assertEquals(List.of(), schema.validate(VALID, InputFormat.YAML));
        assertTrue(new ConfigLoader(Map.of()).parse(VALID, dir.resolve("acd.yaml")).ok());

        List<Error> schemaErrors = schema.validate(broken, InputFormat.YAML);
        assertFalse(schemaErrors.isEmpty(), "schema accepted:\n" + broken);
        assertFalse(new ConfigLoader(Map.of()).parse(broken, dir.resolve("acd.yaml")).ok(), "validator accepted:\n" + broken);
    }
}
