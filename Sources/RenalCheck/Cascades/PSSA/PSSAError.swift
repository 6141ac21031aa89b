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

    /// A stable number for the C ABI and CLI exit statuses.
    public var code: Int32 {
        switch self {
        case .fileNotFound: return 1
        case .unreadable: return 2
        case .invalidParameter: return 3
        case .emptyData: return 4
        }
    }

    /// A one-line message naming the file or parameter; never patient data.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .unreadable(let path, let errno):
            return "\(path): cannot read (errno \(errno))"
        case .invalidParameter(let name, let value, let reason):
            return "--\(name) \(value): \(reason)"
        case .emptyData(let malformedRows):
            return "no well-formed dispensing rows (\(malformedRows) malformed)"
        }
    }
}
