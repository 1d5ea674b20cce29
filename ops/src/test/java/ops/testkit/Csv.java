package ops.testkit;

import java.util.ArrayList;
import java.util.List;

/** Reads back the CSV a report was written as, strictly, to hold it against the report's own numbers. */
public final class Csv {
    private Csv() {
    }

    /** RFC 4180 with CRLF row ends required: a bare CR or LF outside quotes is an error. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    field.append(ch);
                } else if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (ch == '\r' || ch == '\n' || ch == '"') {
                throw new IllegalArgumentException("unquoted " + (int) ch + " at " + i + " in " + csv);
            } else {
                field.append(ch);
            }
        }
        if (quoted || !field.isEmpty() || !row.isEmpty()) {
            throw new IllegalArgumentException("the last row does not end with CRLF: " + csv);
        }
        return rows;
    }
}
