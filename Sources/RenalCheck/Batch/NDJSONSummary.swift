/// What an NDJSON run did, returned when the input is exhausted.
public struct NDJSONSummary: Sendable, Hashable {
    /// Input lines read; equal to the output lines written.
    public let lines: Int
    /// Lines answered with a screening report.
    public let reports: Int
    /// Lines answered with an error record (malformed, empty or oversized).
    public let errors: Int
    /// Reports in which some proposed order could not be fully screened.
    public let unscreenedReports: Int
    /// The most serious finding in any report, nil when none had a finding.
    public let highestSeverity: Severity?
    /// Input bytes read.
    public let bytesRead: Int
    /// Output bytes written.
    public let bytesWritten: Int
    /// Wall-clock seconds the run took.
    public let elapsedSeconds: Double
}
