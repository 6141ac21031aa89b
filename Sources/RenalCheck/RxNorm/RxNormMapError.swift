/// Why an RxNorm map could not be read or built.
public enum RxNormMapError: Error, Sendable, CustomStringConvertible {
    /// The map file is not a valid map (each problem with file, line, column and JSON path).
    case invalid(problems: [InputProblem])
    /// An RRF file has a line that is not in NLM's layout (file and line number).
    case badRRF(file: String, line: Int, message: String)

    /// The problems, one per line.
    public var description: String {
        switch self {
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        case .badRRF(let file, let line, let message): "\(file):\(line): \(message)"
        }
    }
}
