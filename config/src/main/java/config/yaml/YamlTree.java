package config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link YNode} tree by walking Jackson's token stream, keeping the line and
 * column of every node (a databind tree would lose them).
 */
public final class YamlTree {
    /** Receives a problem that does not stop parsing (a repeated key: the first one is kept). */
    @FunctionalInterface
    public interface Problems {
        void report(Location at, String message);
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    private YamlTree(Problems problems) {
        this.problems = problems;
    }

    /**
     * Parses one YAML document.
     *
     * @return the root node, or an empty mapping for an empty document
     * @throws YamlSyntaxException on malformed YAML
     */
    public static YNode parse(String text, Problems problems) throws YamlSyntaxException {
        return new YamlTree(problems).parse(text);
    }

    private YNode parse(String text) throws YamlSyntaxException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YNode.Mapping(Map.of(), Location.START);
            }
            YNode root = read(p);
            if (p.nextToken() != null) {
                throw new YamlSyntaxException("only one YAML document is allowed per file", location(p));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location loc = at == null ? Location.START : new Location(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            throw new YamlSyntaxException("invalid YAML: " + firstLine(e.getOriginalMessage()), loc);
        } catch (IOException e) {
            throw new YamlSyntaxException("invalid YAML: " + e.getMessage(), Location.START);
        }
    }

    private YNode read(JsonParser p) throws IOException, YamlSyntaxException {
        Location at = location(p);
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> readMapping(p, at);
            case START_ARRAY -> readSeq(p, at);
            // Jackson reads some empty values ("key:" after a flow mapping) as "", others as null; no
            // field of the config means anything by an empty string, so both are "nothing".
            case VALUE_STRING -> p.getText().isEmpty()
                    ? new YNode.Scalar(YNode.Scalar.Kind.NULL, "", at)
                    : new YNode.Scalar(YNode.Scalar.Kind.STRING, p.getText(), at);
            case VALUE_NUMBER_INT -> new YNode.Scalar(YNode.Scalar.Kind.INTEGER, p.getText(), at);
            case VALUE_NUMBER_FLOAT -> new YNode.Scalar(YNode.Scalar.Kind.DECIMAL, p.getText(), at);
            case VALUE_TRUE, VALUE_FALSE -> new YNode.Scalar(YNode.Scalar.Kind.BOOLEAN, p.getText(), at);
            case VALUE_NULL -> new YNode.Scalar(YNode.Scalar.Kind.NULL, "", at);
            default -> throw new YamlSyntaxException("unexpected YAML token " + t, at);
        };
    }

    private YNode readMapping(JsonParser p, Location at) throws IOException, YamlSyntaxException {
        Map<String, YNode.Mapping.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            Location keyAt = location(p);
            p.nextToken();
            YNode value = read(p);
            YNode.Mapping.Entry previous = entries.get(key);
            if (previous != null) {
                problems.report(keyAt, "duplicate key \"" + key + "\" (first at line " + previous.keyLocation().line() + ")");
            } else {
                entries.put(key, new YNode.Mapping.Entry(key, keyAt, value));
            }
        }
        return new YNode.Mapping(entries, at);
    }

    private YNode readSeq(JsonParser p, Location at) throws IOException, YamlSyntaxException {
        List<YNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(p));
        }
        return new YNode.Seq(items, at);
    }

    private static Location location(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(l.getLineNr(), l.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
