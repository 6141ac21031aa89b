/// Finds the line and column of a JSON path in the text it was parsed from.
///
/// jansson keeps no positions after parsing, so when a decoder reports a problem at a path, this
/// scans the original text once to turn the path into `line:column` (1-based; columns count
/// characters, as jansson's do). Only used on the error path.
package struct JSONSourceLocator {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Creates a locator over the UTF-8 text.
    package init(bytes: [UInt8]) { self.bytes = bytes }

    /// The position of the value at `path`, or of the deepest ancestor found.
    package static func locate(_ path: [JSONPathComponent], in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var locator = JSONSourceLocator(bytes: bytes)
        locator.skipSpace()
        guard locator.index < bytes.count else { return nil }
        return locator.find(path[...])
    }

    private mutating func find(_ path: ArraySlice<JSONPathComponent>) -> (line: Int, column: Int) {
        let here = (line: line, column: column)
        guard let next = path.first, index < bytes.count else { return here }
        switch (next, bytes[index]) {
        case (.key(let wanted), UInt8(ascii: "{")):
            advance()
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return here }
                let keyPosition = (line: line, column: column)
                let key = readString()
                skipSpace(); if peek(":") { advance() }; skipSpace()
                if key == wanted {
                    if path.count == 1 && index >= bytes.count { return keyPosition }
                    return find(path.dropFirst())
                }
                skipValue(); skipSpace()
                if peek(",") { advance() } else { return here }
            }
        case (.index(let wanted), UInt8(ascii: "[")):
            advance()
            var i = 0
            while true {
                skipSpace()
                guard index < bytes.count, !peek("]") else { return here }
                if i == wanted { return find(path.dropFirst()) }
                skipValue(); skipSpace(); i += 1
                if peek(",") { advance() } else { return here }
            }
        default:
            return here
        }
    }

    private func peek(_ c: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: c) }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let b = bytes[index]
        index += 1
        if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func readString() -> String {
        advance() // opening quote
        var raw: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") { advance() }
            if index < bytes.count { raw.append(bytes[index]); advance() }
        }
        advance() // closing quote
        return String(decoding: raw, as: UTF8.self)
    }

    private mutating func skipValue() {
        guard index < bytes.count else { return }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { _ = readString(); continue }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { depth -= 1 }
                advance()
            } while depth > 0 && index < bytes.count
        default:
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) {
                advance()
            }
        }
    }
}
