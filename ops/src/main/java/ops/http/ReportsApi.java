package ops.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import ops.reports.Report;
import ops.reports.ReportCsv;
import ops.reports.ReportRequest;
import ops.reports.Reports;

/**
 * {@code /api/reports}: {@code by} department, queue or agent; {@code group} by hour, day
 * (default), week, month or the whole range; calls that arrived in [{@code from}, {@code to})
 * with periods cut in {@code zone} (default UTC). JSON unless {@code format=csv}, or no
 * {@code format} and an Accept header that names text/csv.
 */
final class ReportsApi {
    static final String CSV = "text/csv; charset=utf-8";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private enum Format { JSON, CSV }

    private final Reports reports;

    ReportsApi(Reports reports) {
        this.reports = reports;
    }

    void register(Routes routes) {
        routes.add("GET", "/api/reports", this::report);
    }

    private ApiResponse report(ApiRequest r) throws IOException {
        ReportRequest request = request(r);
        Format format = r.enumParam("format", Format.class, acceptsCsv(r) ? Format.CSV : Format.JSON);
        Report report = reports.run(request);
        if (format == Format.JSON) {
            return ApiResponse.ok(report);
        }
        StringBuilder out = new StringBuilder();
        ReportCsv.write(report, out);
        return new ApiResponse.Bytes(200, CSV, out.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"" + fileName(request) + "\""));
    }

    static ReportRequest request(ApiRequest r) {
        if (!r.has("by")) {
            throw new ApiException(400, "parameter 'by' is required: department, queue or agent");
        }
        ReportRequest.By by = r.enumParam("by", ReportRequest.By.class, null);
        ReportRequest.Group group = r.enumParam("group", ReportRequest.Group.class, ReportRequest.Group.DAY);
        ZoneId zone = r.zoneParam("zone");
        Instant from = r.requiredInstant("from", zone);
        Instant to = r.requiredInstant("to", zone);
        if (!from.isBefore(to)) {
            throw new ApiException(400, "parameter 'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        return new ReportRequest(by, group, from, to, zone);
    }

    private static boolean acceptsCsv(ApiRequest r) {
        String accept = r.header("accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    /** e.g. {@code acd-queue-day-20260101T0000-20260201T0000.csv}, times local to the report's zone. */
    static String fileName(ReportRequest q) {
        return "acd-" + q.by().name().toLowerCase(Locale.ROOT) + "-" + q.group().name().toLowerCase(Locale.ROOT)
                + "-" + FILE_TIME.format(q.from().atZone(q.zone())) + "-" + FILE_TIME.format(q.to().atZone(q.zone())) + ".csv";
    }
}
