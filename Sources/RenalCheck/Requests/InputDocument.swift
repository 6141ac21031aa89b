internal import RenalCheckJSON

/// The one way request-like input (a screening request, a FHIR Bundle, a CDS Hooks call, a
/// timeline) becomes values: size limit, byte order mark, parse, decode, located problems.
enum InputDocument {
    /// The UTF-8 byte order mark.
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Checks, parses and decodes `bytes` with `body`.
    ///
    /// A single leading UTF-8 byte order mark is skipped (RFC 8259 allows ignoring it); repeated
    /// marks and UTF-16/32 text are rejected with a clear message.
    ///
    /// - Parameters:
    ///   - bytes: the input.
    ///   - source: its name in messages.
    ///   - what: what the input is ("request", "timeline"), for messages.
    ///   - body: decodes the root, reporting problems through the reader; nil when it cannot.
    /// - Returns: the decoded value.
    /// - Throws: ``RequestError/invalid(problems:)`` with file, line, column and JSON path.
    static func decode<T>(_ bytes: [UInt8], source: String, what: String,
                          _ body: (JSONNode, JSONReader) -> T?) throws(RequestError) -> T {
        func fail(_ message: String, line: Int? = nil, column: Int? = nil) -> RequestError {
            .invalid(problems: [InputProblem(file: source, line: line, column: column, path: "", code: .syntax, message: message)])
        }
        guard bytes.count <= RequestLimits.maxBytes else {
            throw fail("\(what) is \(bytes.count) bytes; the limit is \(RequestLimits.maxBytes)")
        }
        let bytes = bytes.starts(with: utf8BOM) ? Array(bytes.dropFirst(utf8BOM.count)) : bytes
        if bytes.starts(with: utf8BOM) {
            throw fail("more than one byte order mark (U+FEFF) at the start; remove them", line: 1, column: 1)
        }
        if let encoding = wideEncoding(bytes) { throw fail("the \(what) is \(encoding), not UTF-8; save it as UTF-8") }
        let doc: JSONDocument
        do { doc = try JSONDocument.parseRequest(bytes, file: source) } catch { throw .invalid(problems: [InputProblem(error)]) }
        let reader = JSONReader(file: source, hidesValues: true)
        let value = doc.withRoot { body($0, reader) }
        guard reader.isClean, let value else {
            throw .invalid(problems: reader.diagnostics.map { InputProblem($0, bytes: bytes) })
        }
        return value
    }

    /// The name of a UTF-16 or UTF-32 encoding the text is evidently in (by its byte order mark,
    /// or by a NUL byte among its first two bytes, which JSON text in UTF-8 never has), else nil.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        // Wide text has a non-NUL among its first four bytes ("{" is 7B 00, 00 7B, 7B 00 00 00 or
        // 00 00 00 7B); a run of NULs is just invalid text, not an encoding.
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0, bytes.prefix(4).contains(where: { $0 != 0 }) { return "UTF-16 or UTF-32" }
        return nil
    }
}
