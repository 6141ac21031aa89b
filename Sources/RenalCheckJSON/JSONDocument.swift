internal import CJansson

/// A parsed JSON document: the single owner of a jansson tree, or of a ``JSONTape``.
///
/// ``parse(_:file:)`` builds a jansson tree (formulary files); ``parseRequest(_:file:)`` builds a
/// tape (requests, FHIR and CDS Hooks bodies, timelines: the hot path). Both accept the same JSON
/// and give the same nodes. A jansson tree is released in `deinit`, on every path. Nodes handed out
/// by ``withRoot(_:)`` are borrowed and must not outlive the closure; decoders copy what they need
/// into Swift values.
package final class JSONDocument {
    private let root: Jansson.Value?
    private let tape: JSONTape?
    /// The file (or stream name) the text came from, used in diagnostics.
    package let file: String
    /// The raw bytes the document was parsed from, kept for locating paths on error.
    package let bytes: [UInt8]

    private init(root: Jansson.Value?, tape: JSONTape?, file: String, bytes: [UInt8]) {
        self.root = root
        self.tape = tape
        self.file = file
        self.bytes = bytes
    }

    deinit { if let root { Jansson.release(root) } }

    /// Parses UTF-8 JSON text into a tape, with the same rules and messages as ``parse(_:file:)``.
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - file: a name for the text used in diagnostics.
    /// - Returns: the document.
    /// - Throws: a ``JSONDiagnostic`` with line, column and jansson's message (no input quoted).
    package static func parseRequest(_ bytes: [UInt8], file: String) throws(JSONDiagnostic) -> JSONDocument {
        let tape = try JSONTape.parse(bytes, file: file)
        return JSONDocument(root: nil, tape: tape, file: file, bytes: bytes)
    }

    /// Parses UTF-8 JSON text, rejecting duplicate keys.
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - file: a name for the text used in diagnostics.
    /// - Returns: the document.
    /// - Throws: a ``JSONDiagnostic`` with jansson's line, column and message.
    package static func parse(_ bytes: [UInt8], file: String) throws(JSONDiagnostic) -> JSONDocument {
        let result = bytes.withUnsafeBytes { Jansson.parse($0) }
        switch result {
        case .success(let root):
            return JSONDocument(root: root, tape: nil, file: file, bytes: bytes)
        case .failure(let box):
            let f = box.failure
            throw JSONDiagnostic(
                file: file, path: [], line: f.line, column: f.column,
                code: Jansson.diagnosticCode(f.code), message: f.text)
        }
    }

    /// Runs `body` with the borrowed root node.
    package func withRoot<T>(_ body: (JSONNode) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) {
            if let tape { return try body(JSONNode(tape: Unmanaged.passUnretained(tape), index: 0)) }
            return try body(JSONNode(root!))
        }
    }
}
