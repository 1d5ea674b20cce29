package ops.reports;

import java.util.List;

/**
 * A report as a table: named columns, and rows of values (String, Long, Double, or null) in
 * column order. JSON and CSV are both written from this one shape.
 */
public record Report(List<String> columns, List<List<Object>> rows) {
    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
