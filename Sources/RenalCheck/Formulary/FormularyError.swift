/// Why a formulary could not be loaded.
public enum FormularyError: Error, Sendable, CustomStringConvertible {
    /// The folder does not exist or is not a folder.
    case directoryNotFound(path: String)
    /// The content has problems: every one found, in file order.
    case invalid(problems: [InputProblem])

    /// A stable numeric code: 66 for a missing folder, 65 for invalid content.
    public var code: Int {
        switch self {
        case .directoryNotFound: 66
        case .invalid: 65
        }
    }

    /// One line per problem.
    public var description: String {
        switch self {
        case .directoryNotFound(let path): "formulary folder not found: \(path)"
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
