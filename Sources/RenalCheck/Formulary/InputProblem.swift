/// One problem found in input (a formulary file or a request): where it is and what is wrong.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem, with a stable numeric code for hosts.
    public enum Code: Int, Sendable, CaseIterable {
        /// The file is not JSON.
        case syntax = 1
        /// An object repeats a key.
        case duplicateKey = 2
        /// A required field is missing.
        case missingField = 3
        /// A field has the wrong type.
        case wrongType = 4
        /// A value is not allowed (unknown severity, unit, category …).
        case invalidValue = 5
        /// A field the format does not define.
        case unknownField = 6
        /// A reference to a source, drug, class, lab … that does not exist.
        case unknownReference = 7
        /// Two drugs share a name, synonym, brand or code; or two rules share an id.
        case duplicateName = 8
        /// Thresholds contradict each other or are out of range.
        case inconsistent = 9
        /// A required file is missing or a file is not part of the format.
        case missingFile = 10
        /// A file cannot be read.
        case unreadable = 11
    }

    /// The file, relative to the formulary folder.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when known.
    public let column: Int?
    /// The JSON path, e.g. `$.rules[2].severity`; empty for whole-file problems.
    public let path: String
    /// The kind of problem.
    public let code: Code
    /// What is wrong.
    public let message: String

    /// `drugs/baclofen.json:12:5: $.rules[2].severity: unknown value 'hgih'`.
    public var description: String {
        var head = file
        if let line { head += ":\(line)" }
        if let column { head += ":\(column)" }
        return path.isEmpty ? "\(head): \(message)" : "\(head): \(path): \(message)"
    }
}
