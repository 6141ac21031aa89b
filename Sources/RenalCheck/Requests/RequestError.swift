/// Why a request could not be decoded.
public enum RequestError: Error, Sendable, CustomStringConvertible {
    /// The request is not valid JSON, or a field is missing, of the wrong type or out of range.
    case invalid(problems: [InputProblem])

    /// The problems, one per line, as `source:line:column: $.path: message`.
    public var description: String {
        switch self {
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }

    /// The problems.
    public var problems: [InputProblem] {
        switch self { case .invalid(let p): p }
    }
}
