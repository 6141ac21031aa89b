#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Why an NDJSON run stopped before the end of its input.
///
/// A malformed, empty or oversized *line* never stops a run (it becomes an error record in the
/// output); only the input or output stream itself failing does.
public enum NDJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input file could not be opened; `errno` is the C library's error number.
    case cannotOpen(path: String, errno: Int32)
    /// Reading the input failed; `errno` is the C library's error number.
    case readFailed(errno: Int32)
    /// Writing the output failed (a closed pipe, a full disk); `errno` is the C library's error number.
    case writeFailed(errno: Int32)

    /// A stable numeric code for hosts: 1 cannot open, 2 read failed, 3 write failed.
    public var code: Int {
        switch self {
        case .cannotOpen: 1
        case .readFailed: 2
        case .writeFailed: 3
        }
    }

    /// One line for a person, e.g. `cannot read input: Input/output error`.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let e): "cannot open \(path): \(Self.reason(e))"
        case .readFailed(let e): "cannot read input: \(Self.reason(e))"
        case .writeFailed(let e): "cannot write output: \(Self.reason(e))"
        }
    }

    /// The C library's words for an error number (`strerror`), not the bare number.
    static func reason(_ e: Int32) -> String {
        guard let text = strerror(e) else { return "error \(e)" }
        return String(cString: text)
    }
}
