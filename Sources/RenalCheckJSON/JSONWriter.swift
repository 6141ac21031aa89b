/// Writes JSON text into a byte buffer, compact or indented.
///
/// Pure Swift (no jansson): reports are written directly, without building a tree. Commas
/// and indentation are tracked by a small stack, so callers only open, write and close.
package struct JSONWriter {
    /// The text written so far.
    package private(set) var bytes: [UInt8] = []
    private let indentWidth: Int
    private var needsComma: [Bool] = [false]
    private var afterKey = false

    /// Creates a writer; `indent` > 0 writes one member per line.
    package init(indent: Int = 0, capacity: Int = 1024) {
        indentWidth = indent
        bytes.reserveCapacity(capacity)
    }

    /// The text as a String.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func newline() {
        guard indentWidth > 0 else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indentWidth * (needsComma.count - 1)))
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if needsComma.count > 1 { newline() }
    }

    /// Opens an object.
    package mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }

    /// Closes an object.
    package mutating func endObject() {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    package mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }

    /// Closes an array.
    package mutating func endArray() {
        let hadElements = needsComma.removeLast()
        if hadElements { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object key; the next value written is its value.
    package mutating func key(_ k: String) {
        beginValue()
        writeQuoted(k)
        bytes.append(UInt8(ascii: ":"))
        if indentWidth > 0 { bytes.append(0x20) }
        afterKey = true
    }

    /// Writes a string value.
    package mutating func string(_ s: String) { beginValue(); writeQuoted(s) }

    /// Writes a number; integral values print without a fraction, non-finite ones as null.
    package mutating func number(_ n: Double) {
        beginValue()
        guard n.isFinite else { bytes.append(contentsOf: Array("null".utf8)); return }
        if n == n.rounded(), abs(n) < 1e15 {
            bytes.append(contentsOf: Array(String(Int64(n)).utf8))
        } else {
            bytes.append(contentsOf: Array(n.description.utf8))
        }
    }

    /// Writes an integer.
    package mutating func integer(_ n: Int) { beginValue(); bytes.append(contentsOf: Array(String(n).utf8)) }

    /// Writes a boolean.
    package mutating func bool(_ b: Bool) { beginValue(); bytes.append(contentsOf: Array((b ? "true" : "false").utf8)) }

    /// Writes null.
    package mutating func null() { beginValue(); bytes.append(contentsOf: Array("null".utf8)) }

    /// Writes `key: string`, skipping nil.
    package mutating func member(_ k: String, _ s: String?) { if let s { key(k); string(s) } }

    /// Writes `key: number`, skipping nil.
    package mutating func member(_ k: String, _ n: Double?) { if let n { key(k); number(n) } }

    /// Writes `key: [strings]`.
    package mutating func member(_ k: String, strings: [String]) {
        key(k); beginArray(); for s in strings { string(s) }; endArray()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
