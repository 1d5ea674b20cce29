package ops.http;

import static ops.http.AgentsApiTest.assertError;
import static ops.http.AgentsApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import ops.reports.ReportRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports as JSON or CSV, and the config reload port. */
class ReportsApiTest {
    private static final String JAN = "/api/reports?by=queue&group=day&from=2026-01-01&to=2026-02-01&zone=Europe/Tallinn";
    private AdminRig rig;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        rig = new AdminRig();
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        rig.closeQuiet(log);
    }

    @Test
    void jsonIsColumnsAndRowsOfTheRequestedReport() throws Exception {
        JsonNode r = json(rig.get(JAN), 200);
        assertEquals("period", r.get("columns").get(0).asText());
        assertEquals(12, r.get("rows").get(0).get(2).asInt());
        assertEquals(83.3, r.get("rows").get(0).get(4).asDouble());
        assertEquals(2, r.size(), "only columns and rows");
        ReportRequest asked = rig.reports.requests.get(0);
        assertEquals(new ReportRequest(ReportRequest.By.QUEUE, ReportRequest.Group.DAY,
                Instant.parse("2025-12-31T22:00:00Z"), Instant.parse("2026-01-31T22:00:00Z"), ZoneId.of("Europe/Tallinn")), asked);
    }

    @Test
    void formatCsvOrAcceptTextCsvGiveCsvWithAFileName() throws Exception {
        String expected = "period,queue,offered,answered,serviceLevel\r\n2026-01-05,sales,12,10,83.3\r\n"
                + "2026-01-05,\"support, 2nd line\",3,3,100.0\r\n";
        for (HttpResponse<String> r : List.of(rig.get(JAN + "&format=csv"), rig.send(rig.request(JAN).header("Accept", "text/csv")))) {
            assertEquals(200, r.statusCode());
            assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("attachment; filename=\"acd-queue-day-20260101T0000-20260201T0000.csv\"",
                    r.headers().firstValue("Content-Disposition").orElseThrow());
            assertEquals(expected, r.body());
        }
        assertEquals(200, rig.send(rig.request(JAN + "&format=json").header("Accept", "text/csv")).statusCode());
    }

    @Test
    void badReportParametersAre400NamingThem() throws Exception {
        assertError(rig.get("/api/reports?from=2026-01-01&to=2026-02-01"), 400, "parameter 'by' is required");
        assertError(rig.get("/api/reports?by=team&from=2026-01-01&to=2026-02-01"), 400,
                "parameter 'by' is 'team': expected one of department, queue, agent");
        assertError(rig.get("/api/reports?by=queue&group=year&from=2026-01-01&to=2026-02-01"), 400, "parameter 'group' is 'year'");
        assertError(rig.get("/api/reports?by=queue&to=2026-02-01"), 400, "parameter 'from' is required");
        assertError(rig.get("/api/reports?by=queue&from=2026-03-01&to=2026-02-01"), 400, "must be before 'to'");
        assertError(rig.get(JAN + "&format=xlsx"), 400, "parameter 'format' is 'xlsx'");
        assertEquals(List.of(), rig.reports.requests);
    }

    @Test
    void configReloadAndStatusGoThroughThePort() throws Exception {
        assertEquals("startup", json(rig.get("/api/config/status"), 200).get("trigger").asText());
        rig.config.next = new ReloadResult(AdminRig.T0, "api", false,
                List.of(new ReloadResult.Problem("acd.yaml", 12, 7, "unknown key 'strategi'")));
        JsonNode reload = json(rig.post("/api/config/reload", null), 200);
        assertEquals(false, reload.get("ok").asBoolean());
        assertEquals(12, reload.get("errors").get(0).get("line").asInt());
        assertEquals(7, reload.get("errors").get(0).get("column").asInt());
        assertEquals("api", json(rig.get("/api/config/status"), 200).get("trigger").asText());
        assertEquals("POST", rig.get("/api/config/reload").headers().firstValue("Allow").orElseThrow());
    }
}
