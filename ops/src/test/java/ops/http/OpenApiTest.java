package ops.http;

import static ops.http.AgentsApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps openapi.json true: the same routes as the server's table, every path parameter declared, every $ref resolvable. */
class OpenApiTest {
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    @Test
    void theDocumentAndTheRouteTableListTheSameRoutes() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            JsonNode doc = json(rig.get("/api/openapi.json"), 200);
            assertTrue(doc.get("openapi").asText().startsWith("3.0."), doc.get("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
            }
            TreeSet<String> served = new TreeSet<>(rig.server.routeTable());
            TreeSet<String> undocumented = new TreeSet<>(served);
            undocumented.removeAll(documented);
            TreeSet<String> unserved = new TreeSet<>(documented);
            unserved.removeAll(served);
            assertEquals(List.of(), List.copyOf(undocumented), "served but missing from openapi.json");
            assertEquals(List.of(), List.copyOf(unserved), "in openapi.json but not served");
        }
    }

    @Test
    void everyOperationDeclaresItsPathParametersAnd401AndASuccess() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(AdminServer.resource(AdminServer.OPENAPI));
        List<String> problems = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            TreeSet<String> declared = new TreeSet<>();
            op.getValue().path("parameters").forEach(p -> {
                if (p.get("in").asText().equals("path")) {
                    declared.add(p.get("name").asText());
                }
            });
            TreeSet<String> inPath = new TreeSet<>();
            Matcher m = PARAM.matcher(path.getKey());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            if (!declared.equals(inPath)) {
                problems.add(where + ": path parameters " + inPath + " but declared " + declared);
            }
            JsonNode responses = op.getValue().get("responses");
            if (!responses.has("401")) {
                problems.add(where + ": no 401");
            }
            if (!responses.fieldNames().next().startsWith("2")) {
                problems.add(where + ": the first response is not a success");
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRefResolves() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(AdminServer.resource(AdminServer.OPENAPI));
        List<String> missing = new ArrayList<>();
        refs(doc, doc, missing);
        assertEquals(List.of(), missing);
    }

    private static void refs(JsonNode node, JsonNode doc, List<String> missing) {
        if (node.has("$ref") && doc.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
            missing.add(node.get("$ref").asText());
        }
        node.forEach(child -> refs(child, doc, missing));
    }
}
