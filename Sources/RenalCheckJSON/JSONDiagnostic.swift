/// A problem found in JSON input: a syntax error or a field that is missing or wrong.
///
/// Carries the file, the JSON path and, where known, the line and column (characters, as
/// jansson counts them). Renders as `file:line:column: $.path: message`.
package struct JSONDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is.
    package enum Code: String, Sendable, Equatable {
        /// The text is not JSON (jansson's parse error).
        case syntax
        /// An object has the same key twice.
        case duplicateKey
        /// The text is not valid UTF-8.
        case invalidUTF8
        /// A number is too large to represent.
        case numericOverflow
        /// A required field is absent.
        case missingField
        /// A field has the wrong JSON type.
        case wrongType
        /// A field has a value outside what is allowed.
        case invalidValue
        /// An object has a key the format does not define.
        case unknownField
        /// A value refers to something that does not exist.
        case unknownReference
        /// A limit on size was exceeded.
        case tooLarge
        /// Two things that must be unique share a name or id.
        case duplicateName
        /// Values contradict each other or are out of range.
        case inconsistent
    }

    /// The file or stream name.
    package var file: String
    /// Where in the document, as path components (empty for syntax errors).
    package var path: [JSONPathComponent]
    /// 1-based line, when known.
    package var line: Int?
    /// 1-based column in characters, when known.
    package var column: Int?
    /// The kind of problem.
    package var code: Code
    /// What is wrong, in words.
    package var message: String

    /// Creates a diagnostic.
    package init(file: String, path: [JSONPathComponent], line: Int? = nil, column: Int? = nil,
                 code: Code, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// The path rendered as `$.a.b[0]`.
    package var pathText: String { JSONPathComponent.render(path) }

    /// `file:line:column: $.path: message` (line and column omitted when unknown).
    package var description: String {
        var head = file
        if let line { head += ":\(line)" }
        if let column { head += ":\(column)" }
        let where_ = path.isEmpty ? "" : pathText + ": "
        return "\(head): \(where_)\(message)"
    }
}
