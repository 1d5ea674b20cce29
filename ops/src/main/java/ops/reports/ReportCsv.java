package ops.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report as CSV (RFC 4180) that opens cleanly in a spreadsheet: a header row of the column
 * names, CRLF after every row, a field quoted when it holds a comma, a double quote, CR or LF
 * (its quotes doubled), numbers in plain notation with '.' decimals and no grouping, a null as
 * an empty field. Dates are the report's ISO-8601 strings, as they are.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static void write(Report report, Appendable out) throws IOException {
        writeRow(report.columns(), out);
        for (List<Object> row : report.rows()) {
            writeRow(row, out);
        }
    }

    private static void writeRow(List<?> fields, Appendable out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return quoted(s);
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("a report value must be a finite number, was " + d);
            }
            // toPlainString: never 1.0E7, which a spreadsheet may read as text
            return BigDecimal.valueOf(d).toPlainString();
        }
        throw new IllegalArgumentException("a report value is a String, Long, Double or null, was "
                + value.getClass().getName() + ": " + value);
    }

    private static String quoted(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
