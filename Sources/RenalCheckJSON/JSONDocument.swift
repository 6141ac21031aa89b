internal import CJansson

/// A parsed JSON document: the single owner of a jansson tree.
///
/// The tree is released in `deinit`, on every path. Nodes handed out by ``withRoot(_:)`` are
/// borrowed and must not outlive the closure; decoders copy what they need into Swift values.
package final class JSONDocument {
    private let root: Jansson.Value
    /// The file (or stream name) the text came from, used in diagnostics.
    package let file: String
    /// The raw bytes the document was parsed from, kept for locating paths on error.
    package let bytes: [UInt8]

    private init(root: Jansson.Value, file: String, bytes: [UInt8]) {
        self.root = root
        self.file = file
        self.bytes = bytes
    }

    deinit { Jansson.release(root) }

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
            return JSONDocument(root: root, file: file, bytes: bytes)
        case .failure(let box):
            let f = box.failure
            throw JSONDiagnostic(
                file: file, path: [], line: f.line, column: f.column,
                code: Jansson.diagnosticCode(f.code), message: f.text)
        }
    }

    /// Runs `body` with the borrowed root node.
    package func withRoot<T>(_ body: (JSONNode) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(JSONNode(root)) }
    }

    /// The document in canonical form (sorted keys, compact), for content hashing.
    package var canonicalBytes: [UInt8] { withExtendedLifetime(self) { Jansson.canonicalBytes(root) } }

    /// The document in canonical form, handed to `body` in chunks (the bytes of
    /// ``canonicalBytes``, without building them in one buffer); for hashing.
    ///
    /// - Parameter body: called with each chunk, in order; the chunk is valid only during the call.
    /// - Returns: false if the document could not be written (then `body` may have seen part of it).
    @discardableResult
    package func withCanonicalChunks(_ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        withExtendedLifetime(self) { Jansson.canonicalChunks(root, body) }
    }
}
