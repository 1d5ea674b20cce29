package config.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import config.Wavs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hundreds of damaged copies of the call-center example: each gets errors with a location, never an exception. */
class MutationTest {
    private static final String[] INSERTS = {":", "-", "{", "}", "[", "]", ",", " ", "\n", "x", "0", "\"", "*", "#", "~", "&a", "*a", "!!int "};

    @Test
    void damagedConfigsAreReportedNotThrown() throws IOException {
        Path copy = Wavs.moduleDir().resolve("examples/call-center.yaml");
        String original = Files.readString(copy);
        List<String> lines = original.lines().toList();
        ConfigLoader loader = new ConfigLoader(ShippedConfigsTest.ENV);
        SplittableRandom random = new SplittableRandom(20261125);
        int rejected = 0;
        for (int i = 0; i < 250; i++) {
            String text = mutate(original, lines, random);
            LoadResult r;
            try {
                r = loader.parse(text, copy);
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e + " on:\n" + text, e);
                return;
            }
            for (ConfigError e : r.errors()) {
                assertTrue(e.location().line() >= 1 && e.location().column() >= 1, e.toString());
            }
            rejected += r.ok() ? 0 : 1;
        }
        assertTrue(rejected > 125, "most mutations break the file: " + rejected);
    }

    private static String mutate(String text, List<String> lines, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                int at = random.nextInt(text.length());
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
            }
            case 1 -> {
                int at = random.nextInt(text.length());
                return text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
            }
            case 2 -> {
                List<String> copy = new ArrayList<>(lines);
                copy.remove(random.nextInt(copy.size()));
                return String.join("\n", copy);
            }
            default -> {
                List<String> copy = new ArrayList<>(lines);
                int from = random.nextInt(copy.size());
                copy.add(random.nextInt(copy.size()), copy.get(from));
                return String.join("\n", copy);
            }
        }
    }
}
