package ops.reports;

import static ops.reports.DayOfCalls.at;
import static ops.testkit.Csv.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import ops.reports.ReportDatabases.Dialect;
import ops.reports.ReportRequest.By;
import ops.reports.ReportRequest.Group;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
    @Test
    void quotesOnlyWhatNeedsItDoublesQuotesAndEndsRowsWithCrLf() throws Exception {
        Report report = new Report(List.of("key", "note", "n", "x"), List.of(
                Arrays.asList("plain", "a,b", 1L, 2.5),
                Arrays.asList("say \"hi\"", "line1\r\nline2", -3L, null),
                Arrays.asList("cr\ronly", "lf\nonly", 0L, 1.0E7),
                Arrays.asList(null, "", 12345678901L, 0.1)));
        StringBuilder csv = new StringBuilder();
        ReportCsv.write(report, csv);
        assertEquals("key,note,n,x\r\n"
                + "plain,\"a,b\",1,2.5\r\n"
                + "\"say \"\"hi\"\"\",\"line1\r\nline2\",-3,\r\n"
                + "\"cr\ronly\",\"lf\nonly\",0,10000000\r\n"
                + ",,12345678901,0.1\r\n", csv.toString());
    }

    @Test
    void refusesWhatASpreadsheetCouldNotReadBack() {
        Report nan = new Report(List.of("x"), List.of(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> ReportCsv.write(nan, new StringBuilder()));
        Report other = new Report(List.of("x"), List.of(List.of(new Object())));
        assertThrows(IllegalArgumentException.class, () -> ReportCsv.write(other, new StringBuilder()));
    }

    @Test
    void theParserReadsQuotedFieldsBack() {
        assertEquals(List.of(List.of("a,b", "say \"hi\"", "x\r\ny", "")), parse("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\r\n"));
    }

    /** An agent report (pause reasons, nulls, decimals) written and parsed back gives the same numbers. */
    @DialectTest
    void anAgentReportReadsBackToTheSameNumbers(Dialect dialect) throws Exception {
        Report report = SqlReportsTest.run(dialect, By.AGENT, Group.HOUR, at("09:00:00"), at("11:00:00"));
        StringBuilder csv = new StringBuilder();
        ReportCsv.write(report, csv);
        List<List<String>> table = parse(csv.toString());
        assertEquals(report.columns(), table.get(0));
        assertEquals(report.rows().size() + 1, table.size());
        for (int r = 0; r < report.rows().size(); r++) {
            List<Object> row = report.rows().get(r);
            assertEquals(row.size(), table.get(r + 1).size());
            for (int c = 0; c < row.size(); c++) {
                assertEquals(row.get(c), readBack(row.get(c), table.get(r + 1).get(c)),
                        "row " + r + " column " + report.columns().get(c));
            }
        }
        assertTrue(csv.toString().contains("\r\nalice,2024-05-06T12:00:00+03:00,2024-05-06T13:00:00+03:00,1,1,"),
                csv::toString);
    }

    /** A field read back as the type the report held: the CSV must carry the number, not its look. */
    private static Object readBack(Object original, String field) {
        if (original == null) {
            assertEquals("", field);
            return null;
        }
        if (original instanceof Long) {
            return Long.parseLong(field);
        }
        if (original instanceof Double) {
            return Double.parseDouble(field);
        }
        return field;
    }
}
