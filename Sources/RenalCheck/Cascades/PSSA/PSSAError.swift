/// Why a prescription sequence symmetry analysis could not run.
///
/// Cases carry what a user needs to fix the input; none carries patient data. Malformed rows
/// and unknown drugs are not errors: they are counted in ``PSSAResult``.
public enum PSSAError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dispensing file does not exist.
    case fileNotFound(path: String)
    /// The dispensing file exists but could not be opened or read; `errno` is the C error number.
    case unreadable(path: String, errno: Int32)
    /// A parameter is out of range; `reason` says what range is allowed.
    case invalidParameter(name: String, value: String, reason: String)
    /// The data contain no well-formed dispensing row.
    case emptyData(malformedRows: Int)
    /// A line is longer than `limit` bytes (reading stopped there).
    case lineTooLong(line: Int, limit: Int)
    /// The analysis reads its input twice (continued exposure, or several pairs) and the input
    /// is not a regular file (a pipe or terminal): save it to a file first.
    case needsRegularFile(path: String)
    /// More rows were malformed than the threshold allows (``PSSAParameters/maxMalformedFraction``).
    case tooManyMalformedRows(malformed: Int, rows: Int, limitPercent: Double)

    /// A stable number for the C ABI and CLI exit statuses.
    public var code: Int32 {
        switch self {
        case .fileNotFound: return 1
        case .unreadable: return 2
        case .invalidParameter: return 3
        case .emptyData: return 4
        case .lineTooLong: return 5
        case .needsRegularFile: return 6
        case .tooManyMalformedRows: return 7
        }
    }

    /// A one-line message naming the file or parameter; never patient data.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .unreadable(let path, let errno):
            return "\(path): cannot read: \(NDJSONError.reason(errno))"
        case .invalidParameter(let name, let value, let reason):
            return "--\(name) \(value): \(reason)"
        case .emptyData(let malformedRows):
            return "no well-formed dispensing rows (\(malformedRows) malformed)"
        case .lineTooLong(let line, let limit):
            return "line \(line) is longer than \(limit) bytes"
        case .needsRegularFile(let path):
            return "\(path): this analysis reads its input twice, and a pipe can be read only once; save the data to a file and give its path"
        case .tooManyMalformedRows(let malformed, let rows, let limit):
            let percent = rows > 0 ? Double(malformed) * 100 / Double(rows) : 0
            return "\(malformed) of \(rows) rows (\(Quantity.format((percent * 10).rounded() / 10))%) are malformed, more than the \(Quantity.format(limit))% allowed (--max-malformed)"
        }
    }
}
