package ops.reports;

/** Runs reports over the call records and events. */
public interface Reports {
    Report run(ReportRequest request);
}
