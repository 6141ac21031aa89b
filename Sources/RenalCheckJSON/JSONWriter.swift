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
        guard n.isFinite else { bytes.append(contentsOf: Self.nullBytes); return }
        if n == n.rounded(), abs(n) < 1e15 {
            writeDigits(Int64(n))
        } else {
            bytes.append(contentsOf: n.description.utf8)
        }
    }

    /// Writes an integer.
    package mutating func integer(_ n: Int) { beginValue(); writeDigits(Int64(n)) }

    /// Writes a boolean.
    package mutating func bool(_ b: Bool) { beginValue(); bytes.append(contentsOf: b ? Self.trueBytes : Self.falseBytes) }

    /// Writes null.
    package mutating func null() { beginValue(); bytes.append(contentsOf: Self.nullBytes) }

    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)

    /// Appends the decimal digits of `n` (as `String(n)` spells them) without a temporary string.
    private mutating func writeDigits(_ n: Int64) {
        if n >= 0 && n < 10 { bytes.append(0x30 &+ UInt8(truncatingIfNeeded: n)); return }
        var magnitude = n.magnitude
        // 20 digits and a sign cover every Int64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
            var i = 21
            repeat {
                i -= 1
                buffer[i] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if n < 0 { i -= 1; buffer[i] = UInt8(ascii: "-") }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<21]))
        }
    }

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
        var s = s
        s.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaped for a JSON string: runs that need no escape are copied whole.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = text.count
        let base = UnsafeRawPointer(text.baseAddress)
        while i < n {
            // Eight bytes at a time: skip words with no control byte, quote or backslash (SWAR).
            if let base {
                while i + 8 <= n {
                    let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    let control = (x &- ones &* 0x20) & ~x
                    let q = x ^ (ones &* 0x22), bs = x ^ (ones &* 0x5C)
                    let quote = (q &- ones) & ~q, backslash = (bs &- ones) & ~bs
                    if (control | quote | backslash) & high != 0 { break }
                    i += 8
                }
                if i >= n { break }
            }
            let b = text[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            switch b {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(0x5C); bytes.append(UInt8(ascii: "u")); bytes.append(0x30); bytes.append(0x30)
                bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<n])) }
    }

    /// Writes `first`, `separator` and `second` as one string value, without building it first.
    package mutating func string(_ first: String, _ separator: String, _ second: String) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        var (a, s, b) = (first, separator, second)
        a.withUTF8 { appendEscaped($0) }
        s.withUTF8 { appendEscaped($0) }
        b.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }
}
