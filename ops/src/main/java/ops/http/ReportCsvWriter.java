package ops.http;

import java.io.IOException;
import ops.reports.Report;

/** Writes a report as CSV (header row, RFC 4180 quoting); {@code ReportCsv::write} in the server. */
@FunctionalInterface
public interface ReportCsvWriter {
    void write(Report report, Appendable out) throws IOException;
}
