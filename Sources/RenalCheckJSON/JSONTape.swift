#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A JSON document parsed in one pass into a flat array of entries (a "tape"), for requests.
///
/// The request path parses a few kilobytes per request, millions of times: building and freeing a
/// jansson tree was most of its cost. The tape keeps strings as ranges of the input (escaped
/// strings are decoded once into a side buffer), numbers as values, and containers as an entry
/// whose `end` is the index after its last descendant, so a lookup skips a subtree in one step.
///
/// It accepts and rejects exactly what RenalCheck's jansson settings do — RFC 8259 JSON with an
/// object or array at the top, duplicate keys rejected, `\u0000` rejected, a nesting limit of
/// ``maxDepth`` — and reports errors with jansson's messages and codes, without quoting the input.
/// `JSONTapeTests` and the `fuzz-json` target check the two agree.
package final class JSONTape {
    /// The deepest nesting accepted (jansson's `JSON_PARSER_MAX_DEPTH`).
    package static let maxDepth = 2048

    enum Kind: UInt8 { case object, array, string, escapedString, integer, real, trueValue, falseValue, null }

    struct Entry {
        var kind: Kind
        /// string: byte offset (in `input`, or in `decoded` when escaped); integer/real: index in
        /// `numbers`; object: member count; array: element count.
        var a: Int32
        /// string: byte length.
        var b: Int32
        /// The index after this entry's last descendant.
        var end: Int32
    }

    /// The text, kept for string ranges and for locating errors.
    let input: [UInt8]
    let entries: [Entry]
    /// Escaped strings, decoded.
    let decoded: [UInt8]
    /// Integers and reals, in document order.
    let integers: [Int64]
    let reals: [Double]

    /// Why a parse failed: jansson's code and message (no input quoted) and the byte offset.
    struct Failure: Error {
        var code: JSONDiagnostic.Code
        var message: String
        var position: Int
    }

    private init(_ parser: JSONTapeParser) {
        input = parser.input
        entries = parser.entries
        decoded = parser.decoded
        integers = parser.integers
        reals = parser.reals
    }

    /// Parses `input`.
    ///
    /// - Throws: a ``JSONDiagnostic`` with line, column (characters) and jansson's message.
    static func parse(_ input: [UInt8], file: String) throws(JSONDiagnostic) -> JSONTape {
        var parser = JSONTapeParser(input: input)
        do {
            try input.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(Failure) in try parser.run(p) }
        } catch {
            let (line, column) = Self.locate(input, error.position)
            throw JSONDiagnostic(file: file, path: [], line: line, column: column, code: error.code, message: error.message)
        }
        return JSONTape(parser)
    }

    /// 1-based line and column (in UTF-8 characters, as jansson counts them) of a byte offset.
    static func locate(_ input: [UInt8], _ position: Int) -> (Int, Int) {
        var line = 1, column = 0
        for byte in input.prefix(max(0, min(position + 1, input.count))) {
            if byte == 0x0A { line += 1; column = 0 } else if byte < 0x80 || (0xC2...0xF4).contains(byte) { column += 1 }
        }
        return (line, column)
    }

    // MARK: - Reading

    func kind(_ i: Int32) -> Kind { entries[Int(i)].kind }

    /// The bytes of the string at `i`, borrowed for the call.
    func withStringBytes<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let e = entries[Int(i)]
        let source = e.kind == .escapedString ? decoded : input
        return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(e.a)..<Int(e.a + e.b)])) }
    }

    func stringByteCount(_ i: Int32) -> Int { Int(entries[Int(i)].b) }

    func string(_ i: Int32) -> String { withStringBytes(i) { String(decoding: $0, as: UTF8.self) } }

    func integer(_ i: Int32) -> Int64 { integers[Int(entries[Int(i)].a)] }

    func real(_ i: Int32) -> Double { reals[Int(entries[Int(i)].a)] }

    func count(_ i: Int32) -> Int { Int(entries[Int(i)].a) }

    /// The value of `key` in the object at `i`.
    func member(_ i: Int32, _ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { k -> Int32? in
            input.withUnsafeBufferPointer { inp in
                decoded.withUnsafeBufferPointer { dec in
                    entries.withUnsafeBufferPointer { e in
                        var j = Int(i) + 1
                        for _ in 0..<Int(e[Int(i)].a) {
                            let key = e[j]
                            if Int(key.b) == k.count {
                                let base = (key.kind == .escapedString ? dec : inp).baseAddress! + Int(key.a)
                                if k.count == 0 || memcmp(base, k.baseAddress!, k.count) == 0 { return Int32(j + 1) }
                            }
                            j = Int(e[j + 1].end)
                        }
                        return nil
                    }
                }
            }
        }
    }

    /// Calls `body` with each key's index and value's index of the object at `i`, in order.
    func forEachMember(_ i: Int32, _ body: (Int32, Int32) -> Void) {
        var j = i + 1
        for _ in 0..<count(i) {
            body(j, j + 1)
            j = entries[Int(j + 1)].end
        }
    }

    /// The last element looked up, so that reading an array in order costs one step per element.
    /// A tape is read by one thread at a time (inside ``JSONDocument/withRoot(_:)``).
    @exclusivity(unchecked) private var cursor: (array: Int32, index: Int, entry: Int32) = (-1, 0, 0)

    /// The element at `index` of the array at `i`.
    func element(_ i: Int32, _ index: Int) -> Int32? {
        guard index >= 0, index < count(i) else { return nil }
        var (k, j) = (0, i + 1)
        if cursor.array == i, cursor.index <= index { (k, j) = (cursor.index, cursor.entry) }
        while k < index { j = entries[Int(j)].end; k += 1 }
        cursor = (i, index, j)
        return j
    }
}
