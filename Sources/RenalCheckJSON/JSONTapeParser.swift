#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The one-pass parser behind ``JSONTape``: a lexer and an explicit stack that mirror jansson's
/// `load.c` (the lexer's error wins, then the parser's), filling plain arrays that the tape then
/// keeps as constants (so reading a tape needs no exclusivity checks).
struct JSONTapeParser {
    typealias Entry = JSONTape.Entry
    typealias Kind = JSONTape.Kind
    typealias Failure = JSONTape.Failure

    let input: [UInt8]
    var entries: [Entry] = []
    var decoded: [UInt8] = []
    var integers: [Int64] = []
    var reals: [Double] = []

    init(input: [UInt8]) {
        self.input = input
        entries.reserveCapacity(input.count / 8 + 4)
    }

    /// The deepest nesting accepted.
    static var maxDepth: Int { JSONTape.maxDepth }

    
    private enum Token: Equatable {
        case open(isObject: Bool), close(isObject: Bool), colon, comma, string, scalar, invalid, eof
    }

    private struct Open { var entry: Int32; var isObject: Bool; var count: Int32; var firstKey: Int; var keys: Set<[UInt8]>? }

    /// Error positions are the index of the last byte consumed (-1 before any), as jansson's are.
    func failure(_ message: String, _ code: JSONDiagnostic.Code = .syntax, end: Int) -> Failure {
        Failure(code: code, message: message, position: end - 1)
    }

    mutating func run(_ p: UnsafeBufferPointer<UInt8>) throws(Failure) {
        var i = 0
        var stack: [Open] = []
        var openKeys: [Int32] = []
        // jansson adds "near end of file" to a parser error when the token it stopped at saved no
        // text: the end of input, or a NUL byte (its saved text reads as an empty C string).
        var atEnd = false

        func lex() throws(Failure) -> Token {
            let n = p.count
            while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
            atEnd = false
            guard i < n else { atEnd = true; return .eof }
            let c = p[i]
            switch c {
            case 0x7B: i += 1; return .open(isObject: true)
            case 0x5B: i += 1; return .open(isObject: false)
            case 0x7D: i += 1; return .close(isObject: true)
            case 0x5D: i += 1; return .close(isObject: false)
            case 0x3A: i += 1; return .colon
            case 0x2C: i += 1; return .comma
            case 0x22: try string(p, &i); return .string
            case 0x2D, 0x30...0x39: return try number(p, &i) ? .scalar : .invalid
            case 0x41...0x5A, 0x61...0x7A:
                let start = i
                while i < n, (0x41...0x5A).contains(p[i]) || (0x61...0x7A).contains(p[i]) { i += 1 }
                try Self.lookahead(p, i)
                let word = p[start..<i]
                let kind: Kind? = word.elementsEqual("true".utf8) ? .trueValue
                    : word.elementsEqual("false".utf8) ? .falseValue : word.elementsEqual("null".utf8) ? .null : nil
                guard let kind else { return .invalid }
                entries.append(Entry(kind: kind, a: 0, b: 0, end: Int32(entries.count + 1)))
                return .scalar
            default:
                if c >= 0x80 { i = try Self.utf8(p, i) } else { i += 1 }
                atEnd = c == 0
                return .invalid
            }
        }

        /// A value starting with `token`; returns true when it opened a container.
        func value(_ token: Token) throws(Failure) -> Bool {
            if stack.count + 1 > Self.maxDepth { throw failure("maximum parsing depth reached", .tooLarge, end: i) }
            switch token {
            case .open(let isObject):
                entries.append(Entry(kind: isObject ? .object : .array, a: 0, b: 0, end: 0))
                stack.append(Open(entry: Int32(entries.count - 1), isObject: isObject, count: 0, firstKey: openKeys.count, keys: nil))
                return true
            case .string, .scalar: return false
            case .invalid: throw parserFailure("invalid token")
            default: throw parserFailure("unexpected token")
            }
        }

        /// A key (`token` must be a string), its ':' and the start of its value.
        func member(_ token: Token) throws(Failure) -> Bool {
            guard token == .string else { throw parserFailure("string or '}' expected") }
            let k = Int32(entries.count - 1)
            var top = stack[stack.count - 1]
            let duplicate: Bool
            if var set = top.keys {
                duplicate = !set.insert(Array(keyBytes(k))).inserted
                top.keys = set
            } else {
                duplicate = openKeys[top.firstKey...].contains { sameKey($0, k) }
                if openKeys.count - top.firstKey >= 16 {
                    top.keys = Set(openKeys[top.firstKey...].map { Array(keyBytes($0)) } + [Array(keyBytes(k))])
                }
            }
            if duplicate { throw failure("duplicate object key", .duplicateKey, end: i) }
            openKeys.append(k)
            stack[stack.count - 1] = top
            guard try lex() == .colon else { throw parserFailure("':' expected") }
            return try value(lex())
        }

        func parserFailure(_ message: String, _ code: JSONDiagnostic.Code = .syntax) -> Failure {
            failure(atEnd ? message + " near end of file" : message, code, end: i)
        }

        func close() {
            let top = stack.removeLast()
            entries[Int(top.entry)].a = top.count
            entries[Int(top.entry)].end = Int32(entries.count)
            openKeys.removeSubrange(top.firstKey...)
        }

        let first = try lex()
        guard case .open = first else { throw parserFailure("'[' or '{' expected") }
        var opened = try value(first)
        while true {
            if opened {
                // Just inside a container: it may close at once.
                let top = stack[stack.count - 1]
                let token = try lex()
                if token == .close(isObject: top.isObject) {
                    close()
                } else if top.isObject {
                    opened = try member(token)
                    continue
                } else if token == .eof {
                    throw parserFailure("']' expected")
                } else {
                    opened = try value(token)
                    continue
                }
            }
            // A value just ended: count it, then a ',' or the container's close.
            guard !stack.isEmpty else {
                guard try lex() == .eof else { throw parserFailure("end of file expected") }
                return
            }
            stack[stack.count - 1].count += 1
            let top = stack[stack.count - 1]
            let token = try lex()
            if token == .comma {
                let next = try lex()
                if top.isObject {
                    opened = try member(next)
                } else if next == .eof {
                    throw parserFailure("']' expected")
                } else {
                    opened = try value(next)
                }
                continue
            }
            guard token == .close(isObject: top.isObject) else { throw parserFailure(top.isObject ? "'}' expected" : "']' expected") }
            close()
            opened = false
        }
    }

    /// Whether the strings at `x` and `y` have the same bytes (length first, then `memcmp`).
    func sameKey(_ x: Int32, _ y: Int32) -> Bool {
        let (a, b) = (entries[Int(x)], entries[Int(y)])
        guard a.b == b.b else { return false }
        if a.b == 0 { return true }
        return input.withUnsafeBufferPointer { inp in
            decoded.withUnsafeBufferPointer { dec in
                memcmp((a.kind == .escapedString ? dec : inp).baseAddress! + Int(a.a),
                       (b.kind == .escapedString ? dec : inp).baseAddress! + Int(b.a), Int(a.b)) == 0
            }
        }
    }

    func keyBytes(_ index: Int32) -> ArraySlice<UInt8> {
        let e = entries[Int(index)]
        let range = Int(e.a)..<Int(e.a + e.b)
        return e.kind == .escapedString ? decoded[range] : input[range]
    }

    /// A number at p[i] (a '-' or digit), as jansson's `lex_scan_number` reads it. Returns false
    /// (an invalid token, no error yet) for a malformed number; throws for one out of range.
    private mutating func number(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> Bool {
        let start = i, n = p.count
        // Every byte jansson reads (including the one after the number) is checked as UTF-8 first.
        func digit(_ k: Int) throws(Failure) -> Bool { try Self.lookahead(p, k); return k < n && p[k] >= 0x30 && p[k] <= 0x39 }
        var k = i
        if p[k] == 0x2D { k += 1 }
        if k < n, p[k] == 0x30 {
            k += 1
            if try digit(k) { i = k; return false }
        } else if try digit(k) {
            while try digit(k) { k += 1 }
        } else {
            i = k; return false
        }
        var isReal = false
        if k < n, p[k] == 0x2E {
            isReal = true
            k += 1
            guard try digit(k) else { i = k; return false }
            while try digit(k) { k += 1 }
        }
        if k < n, p[k] == 0x65 || p[k] == 0x45 {
            isReal = true
            k += 1
            try Self.lookahead(p, k)
            if k < n, p[k] == 0x2B || p[k] == 0x2D { k += 1 }
            guard try digit(k) else { i = k; return false }
            while try digit(k) { k += 1 }
        }
        i = k
        if !isReal {
            var value: Int64 = 0
            let negative = p[start] == 0x2D
            for d in p[(negative ? start + 1 : start)..<k] {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d - 0x30)) : m.addingReportingOverflow(Int64(d - 0x30))
                if o1 || o2 { throw failure(negative ? "too big negative integer" : "too big integer", .numericOverflow, end: k) }
                value = s
            }
            integers.append(value)
            entries.append(Entry(kind: .integer, a: Int32(integers.count - 1), b: 0, end: Int32(entries.count + 1)))
            return true
        }
        let value = Self.strtod(p, start, k)
        if !value.isFinite { throw failure("real number overflow", .numericOverflow, end: k) }
        reals.append(value)
        entries.append(Entry(kind: .real, a: Int32(reals.count - 1), b: 0, end: Int32(entries.count + 1)))
        return true
    }

    /// `strtod` on p[start..<end] (a valid JSON number, so the C locale's '.' applies).
    private static func strtod(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        let length = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for k in 0..<length { buffer[k] = CChar(bitPattern: p[start + k]) }
            buffer[length] = 0
            return Glibc.strtod(buffer.baseAddress!, nil)
        }
    }

    /// A string at p[i] == '"', as jansson's `lex_scan_string` reads it: one pass that checks the
    /// syntax (errors at the offending byte), then, for a string with escapes, a decoding pass
    /// (errors at the closing quote). Appends its entry and leaves `i` after the closing quote.
    private mutating func string(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) {
        let n = p.count
        let start = i + 1
        var k = start
        var escaped = false
        while true {
            guard k < n else { throw failure("premature end of input", .syntax, end: n) }
            let c = p[k]
            if c == 0x22 { break }
            if c < 0x20 { throw failure(c == 0x0A ? "unexpected newline" : "control character in a string", end: k) }
            if c >= 0x80 { k = try Self.utf8(p, k); continue }
            if c != 0x5C { k += 1; continue }
            escaped = true
            k += 1
            guard k < n else { throw failure("invalid escape", end: n) }
            try Self.lookahead(p, k)
            switch p[k] {
            case 0x75:
                for h in 1...4 {
                    guard k + h < n else { throw failure("invalid escape", end: n) }
                    try Self.lookahead(p, k + h)
                    guard Self.hex(p[k + h]) != nil else { throw failure("invalid escape", end: k + h + 1) }
                }
                k += 5
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: k += 1
            default: throw failure("invalid escape", end: k + 1)
            }
        }
        let end = k
        i = end + 1
        guard escaped else {
            entries.append(Entry(kind: .string, a: Int32(start), b: Int32(end - start), end: Int32(entries.count + 1)))
            return
        }
        let offset = decoded.count
        k = start
        while k < end {
            let c = p[k]
            if c != 0x5C { decoded.append(c); k += 1; continue }
            k += 1
            switch p[k] {
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                var scalar = Self.hex4(p, k + 1)
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard k + 2 < end, p[k + 1] == 0x5C, p[k + 2] == 0x75 else { throw failure("invalid Unicode escape", end: i) }
                    let low = Self.hex4(p, k + 3)
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid Unicode escape", end: i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw failure("invalid Unicode escape", end: i)
                }
                if scalar == 0 { throw failure("\\u0000 is not allowed without JSON_ALLOW_NUL", end: i) }
                Self.appendUTF8(scalar, to: &decoded)
            default: decoded.append(p[k])
            }
            k += 1
        }
        entries.append(Entry(kind: .escapedString, a: Int32(offset), b: Int32(decoded.count - offset), end: Int32(entries.count + 1)))
    }

    private static func hex(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    /// Four hex digits already checked by the first pass.
    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        (at..<(at + 4)).reduce(0) { $0 << 4 | (hex(p[$1]) ?? 0) }
    }

    private static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80: out.append(UInt8(s))
        case 0x80..<0x800: out.append(UInt8(0xC0 | s >> 6)); out.append(UInt8(0x80 | s & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | s >> 12)); out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        default:
            out.append(UInt8(0xF0 | s >> 18)); out.append(UInt8(0x80 | s >> 12 & 0x3F))
            out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// Checks the byte at p[k] as jansson's stream does when it reads it: a byte ≥ 0x80 must start
    /// a valid UTF-8 sequence. Nothing to check past the end or for ASCII.
    @inline(__always)
    private static func lookahead(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) throws(Failure) {
        if k < p.count, p[k] >= 0x80 { _ = try utf8(p, k) }
    }

    /// Validates one UTF-8 sequence starting at p[k] (a byte ≥ 0x80) and returns the index after it.
    /// Rejects overlong forms, UTF-16 surrogates and values above U+10FFFF, as jansson does.
    private static func utf8(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) throws(Failure) -> Int {
        let c = p[k]
        let bad = Failure(code: .invalidUTF8, message: "unable to decode a byte as UTF-8", position: k - 1)
        let length: Int, lowest: UInt32
        var value: UInt32
        switch c {
        case 0xC2...0xDF: length = 2; value = UInt32(c & 0x1F); lowest = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(c & 0x0F); lowest = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(c & 0x07); lowest = 0x10000
        default: throw bad
        }
        guard k + length <= p.count else { throw bad }
        for j in (k + 1)..<(k + length) {
            guard p[j] & 0xC0 == 0x80 else { throw bad }
            value = value << 6 | UInt32(p[j] & 0x3F)
        }
        if value < lowest || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { throw bad }
        return k + length
    }
}
