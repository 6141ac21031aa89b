/// How far an NDJSON run has got, handed to the progress callback.
///
/// The callback runs on the thread that called ``NDJSONScreener/run(input:output:progressInterval:progress:)``,
/// between blocks, at most once per progress interval and once more at the end.
public struct NDJSONProgress: Sendable, Hashable {
    /// Input lines answered so far (each with exactly one output line).
    public let lines: Int
    /// Of those, lines answered with an error record.
    public let errors: Int
    /// Input bytes consumed so far.
    public let bytesRead: Int
    /// Output bytes written so far.
    public let bytesWritten: Int
    /// Total input bytes when known (a regular file), else nil.
    public let totalBytes: Int?
    /// Seconds since the run started.
    public let elapsedSeconds: Double
    /// True for the last call, after the final line.
    public let finished: Bool

    /// Lines a second so far.
    public var linesPerSecond: Double { elapsedSeconds > 0 ? Double(lines) / elapsedSeconds : 0 }

    /// Input bytes a second so far.
    public var bytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytesRead) / elapsedSeconds : 0 }

    /// The fraction of the input consumed (0…1), when the total size is known.
    public var fraction: Double? {
        guard let totalBytes else { return nil }
        return totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1
    }

    /// Seconds left at the rate so far, when the total size is known and some input was read.
    public var etaSeconds: Double? {
        guard let totalBytes, bytesPerSecond > 0 else { return nil }
        return Double(max(0, totalBytes - bytesRead)) / bytesPerSecond
    }
}
