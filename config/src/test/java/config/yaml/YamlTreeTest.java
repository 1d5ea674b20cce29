package config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
    private final List<String> problems = new ArrayList<>();

    private YNode parse(String yaml) throws YamlSyntaxException {
        return YamlTree.parse(yaml, (at, message) -> problems.add(at + " " + message));
    }

    @Test
    void keepsLocationsAndTheTextAsWritten() throws YamlSyntaxException {
        YNode.Mapping root = (YNode.Mapping) parse("""
                agents:
                  - id: alice
                    extension: 0123
                    device: +15550100001
                holidays: [2026-12-24, "x"]
                on: yes
                """);
        YNode.Mapping alice = (YNode.Mapping) ((YNode.Seq) root.get("agents")).items().get(0);
        assertEquals(new Location(2, 5), alice.location());
        YNode.Scalar ext = (YNode.Scalar) alice.get("extension");
        assertEquals("0123", ext.text());
        assertEquals(new Location(3, 16), ext.location());
        assertEquals("+15550100001", ((YNode.Scalar) alice.get("device")).text());
        assertEquals(new Location(2, 9), alice.entries().get("id").value().location());
        assertEquals(new Location(3, 5), alice.entries().get("extension").keyLocation());
        YNode.Scalar date = (YNode.Scalar) ((YNode.Seq) root.get("holidays")).items().get(0);
        assertEquals("2026-12-24", date.text());
        assertEquals(new Location(5, 12), date.location());
        assertEquals(List.of(), problems);
    }

    @Test
    void repeatedKeyIsAProblemAndTheFirstIsKept() throws YamlSyntaxException {
        YNode.Mapping root = (YNode.Mapping) parse("a: 1\nb: 2\na: 3\n");
        assertEquals("1", ((YNode.Scalar) root.get("a")).text());
        assertEquals(List.of("3:1 duplicate key \"a\" (first at line 1)"), problems);
    }

    @Test
    void emptyValuesAreNothing() throws YamlSyntaxException {
        YNode.Mapping root = (YNode.Mapping) parse("a: { b: c }\nd:\ne: ''\nf: ~\n");
        for (String key : List.of("d", "e", "f")) {
            assertEquals(YNode.Scalar.Kind.NULL, ((YNode.Scalar) root.get(key)).kind(), key);
        }
    }

    @Test
    void emptyDocumentIsAnEmptyMapping() throws YamlSyntaxException {
        assertTrue(((YNode.Mapping) parse("# nothing\n")).entries().isEmpty());
    }

    @Test
    void syntaxErrorHasItsLocation() {
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> parse("a:\n  - b\n c: d\n"));
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().startsWith("invalid YAML: "), e.getMessage());
    }

    @Test
    void onlyOneDocument() {
        YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> parse("a: 1\n---\nb: 2\n"));
        assertEquals("only one YAML document is allowed per file", e.getMessage());
    }
}
