package gateway.testkit.bidi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values to BiDi's {@code script.LocalValue} and {@code script.RemoteValue} back, as WebDriver
 * classic returns them: whole numbers as {@link Long}, others as {@link Double}, arrays as lists,
 * objects and maps as string-keyed maps, a DOM node as its {@link Node} reference.
 */
public final class RemoteValues {
    /** A DOM node the browser keeps for this session, by its shared id. */
    public record Node(String sharedId) {
        /** As a {@code script.SharedReference} or an input action's element origin. */
        public Map<String, Object> reference() {
            return Map.of("sharedId", sharedId);
        }
    }

    private RemoteValues() {
    }

    /** A script argument: null, a string, a number, a boolean, a {@link Node}, or lists and maps of those. */
    public static Map<String, Object> local(Object value) {
        if (value == null) {
            return Map.of("type", "null");
        } else if (value instanceof String s) {
            return Map.of("type", "string", "value", s);
        } else if (value instanceof Boolean b) {
            return Map.of("type", "boolean", "value", b);
        } else if (value instanceof Number n) {
            return Map.of("type", "number", "value", n);
        } else if (value instanceof Node node) {
            return node.reference();
        } else if (value instanceof List<?> list) {
            return Map.of("type", "array", "value", list.stream().map(RemoteValues::local).toList());
        } else if (value instanceof Map<?, ?> map) {
            List<List<Object>> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(List.of(String.valueOf(k), local(v))));
            return Map.of("type", "object", "value", entries);
        }
        throw new IllegalArgumentException("no script value for " + value.getClass().getName() + ": " + value);
    }

    /** The Java value of a script's result. */
    public static Object java(JsonNode remote) {
        JsonNode value = remote.path("value");
        switch (remote.path("type").asText()) {
            case "undefined", "null":
                return null;
            case "string":
                return value.asText();
            case "boolean":
                return value.asBoolean();
            case "number":
                return number(value);
            case "array", "set", "nodelist", "htmlcollection":
                List<Object> list = new ArrayList<>();
                value.forEach(item -> list.add(java(item)));
                return list;
            case "object", "map":
                Map<String, Object> map = new LinkedHashMap<>();
                value.forEach(entry -> map.put(key(entry.get(0)), java(entry.get(1))));
                return map;
            case "node":
                return new Node(remote.path("sharedId").asText());
            default: // a date or a regular expression carries its text; anything else only its kind
                return value.isTextual() ? value.asText() : remote.path("type").asText();
        }
    }

    private static Object number(JsonNode value) {
        if (value.isTextual()) { // NaN, -0, Infinity, -Infinity
            return "-0".equals(value.asText()) ? -0.0 : Double.valueOf(value.asText());
        }
        double d = value.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (Object) (long) d : (Object) d;
    }

    private static String key(JsonNode key) {
        return key.isTextual() ? key.asText() : String.valueOf(java(key));
    }
}
