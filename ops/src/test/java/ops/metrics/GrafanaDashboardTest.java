package ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** config/grafana/acd.json parses, and every series its panels query is one the server exposes. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "config", "grafana", "acd.json");
    /** Series names in PromQL: ours and the JVM's; functions, labels and keywords never start so. */
    private static final Pattern SERIES = Pattern.compile("\\b(?:acd|jvm|process|system)_[a-z0-9_]+\\b");
    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void hasTheDatasourceAndQueueVariables() {
        assertTrue(dashboard.path("schemaVersion").asInt() >= 39, "schemaVersion");
        JsonNode vars = dashboard.path("templating").path("list");
        assertEquals("datasource", variable(vars, "DS_PROMETHEUS").path("type").asText());
        assertEquals("prometheus", variable(vars, "DS_PROMETHEUS").path("query").asText());
        assertEquals("label_values(acd_queue_waiting_calls, queue)",
                variable(vars, "queue").path("query").path("query").asText());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id " + panel.path("id") + " used twice");
            if (!panel.path("type").asText().equals("row")) {
                assertEquals("${DS_PROMETHEUS}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
                assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
            }
        }
    }

    @Test
    void everySeriesQueriedIsInAScrapeAfterSomeCalls() {
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = SERIES.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        queried.add(variable(dashboard.path("templating").path("list"), "queue").path("definition").asText()
                .replaceAll("label_values\\((\\w+),.*", "$1"));
        assertTrue(queried.size() > 15, "the panels query " + queried);

        try (CoreRig rig = new CoreRig()) {
            rig.agents("ann").queue("sales", "ann").apply().online("ann");
            rig.call("c1", "sales");
            rig.answerAfter("c1", Duration.ofSeconds(8));
            rig.advance(Duration.ofSeconds(40));
            rig.hangup("c1");
            rig.metrics.gateway().sipRequestReceived("INVITE");
            rig.metrics.gateway().sipResponseSent(200);
            PrometheusText scrape = rig.scrape();
            Set<String> missing = new TreeSet<>();
            for (String name : queried) {
                if (!scrape.has(name)) {
                    missing.add(name);
                }
            }
            assertTrue(missing.isEmpty(), "queried by the dashboard but not exposed: " + missing);
        }
    }

    private static JsonNode variable(JsonNode vars, String name) {
        for (JsonNode v : vars) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name + " in " + vars);
    }
}
