import Testing
@testable import RenalCheckJSON

/// The request parser (``JSONTape``) against jansson: the same inputs accepted, the same values
/// read, the same errors (code, message, line and column) for the same inputs rejected.
struct JSONTapeTests {
    /// Inputs that exercise every branch of the grammar, every error, and the edges.
    static let corpus: [String] = [
        "{}", "[]", " \n\t{ } \r\n", #"{"a":1}"#, #"{"a":[1,2,3],"b":{"c":null}}"#,
        #"[true,false,null,0,-0,1.5,-2.25e3,1E2,1e-2,123456789012345678]"#,
        #"{"s":"plain","e":"tab\tnew\nquote\"slash\/back\\uni\u00e9\ud83d\ude00"}"#,
        #"{"é":"ünïcødé ✓ 😀"}"#, #"["\u0041\u00DF\u6771"]"#,
        "", "   ", "\"bare\"", "42", "null", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "[1", "[1,", "{\"a\":1,",
        "{\"a\" 1}", "{1:2}", "{\"a\":1 \"b\":2}", "[1 2]", "[1,]", "{\"a\":1,}", "{,}", "[,1]", "{}{}", "[] x", "{} ,",
        "[01]", "[-]", "[1.]", "[.5]", "[1e]", "[1e+]", "[+1]", "[0x10]", "[Infinity]", "[NaN]", "[-Infinity]",
        "[tru]", "[nul]", "[falsey]", "[True]", "[1e999]", "[-1e999]", "[9223372036854775807]", "[-9223372036854775808]",
        "[9223372036854775808]", "[-9223372036854775809]", "[1e308]", "[2.2250738585072014e-308]", "[4.9e-324]",
        "[\"a\u{01}b\"]", "[\"tab\tinside\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12G4\"]", "[\"\\uD800\"]", "[\"\\uDC00\"]",
        "[\"\\uD800\\u0041\"]", "[\"\\uD800x\"]", "[\"\\u0000\"]", "[\"abc", "[\"abc\\", "[\"abc\\u00",
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":{\"b\":1},\"b\":{\"a\":1}}", "{\"\\u0061\":1,\"a\":2}",
        "{\"a\":[{\"x\":1},{\"x\":2}],\"b\":[[],[[]]]}", "[\n1,\n2,\nx]", "{\n  \"a\": 1,\n  \"b\": ?\n}",
        "[\"\u{7F}\"]", "\u{FEFF}{}",
    ]

    static let bytesCorpus: [[UInt8]] = [
        [0x5B, 0x22, 0xFF, 0x22, 0x5D], [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D],
        [0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], [0x5B, 0x22, 0xE2, 0x82, 0x22, 0x5D], [0x5B, 0xC3, 0xA9, 0x5D],
        [0x5B, 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22, 0x5D], [0x7B, 0x00, 0x7D], [0x5B, 0x22, 0x00, 0x22, 0x5D],
        Array(repeating: 0x5B, count: 3000), Array(repeating: 0x5B, count: 2048) + Array(repeating: 0x5D, count: 2048),
        Array(repeating: 0x5B, count: 2049) + Array(repeating: 0x5D, count: 2049),
        Array("{\"k\":".utf8) + Array(repeating: 0x5B, count: 2047) + Array(repeating: 0x5D, count: 2047) + [0x7D],
        Array(("{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":0}").utf8),
        Array(("{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}").utf8),
    ]

    /// The same tree, rendered the same way from either parser.
    static func render(_ node: JSONNode) -> String {
        switch node.kind {
        case .object:
            var parts: [String] = []
            node.forEachMember { k, v in parts.append("\(k.debugDescription):\(render(v))") }
            var byBytes: [String] = []
            node.forEachMemberKeyBytes { k, v in byBytes.append(String(decoding: k, as: UTF8.self) + "=" + render(v)) }
            let looked = parts.isEmpty ? "" : "|" + (node.member(firstKey(node))?.kind.rawValue ?? "missing")
            return "{\(node.count):" + parts.joined(separator: ",") + "#" + byBytes.joined(separator: ",") + looked + "}"
        case .array:
            return "[\(node.count):" + (0..<node.count).map { render(node.element($0)!) }.joined(separator: ",")
                + "|" + (node.element(node.count) == nil ? "end" : "more") + "]"
        case .string: return "s" + node.string!.debugDescription + "\(node.stringByteCount!)"
        case .integer: return "i\(node.integer!)/\(node.number!)"
        case .real: return "r\(node.number!)/\(String(describing: node.integer))"
        case .bool: return "b\(node.bool!)"
        case .null: return "null"
        }
    }

    static func firstKey(_ node: JSONNode) -> String {
        var first: String?
        node.forEachMember { k, _ in if first == nil { first = k } }
        return first ?? ""
    }

    static func outcome(_ bytes: [UInt8], tape: Bool) -> String {
        do {
            let doc = tape ? try JSONDocument.parseRequest(bytes, file: "t") : try JSONDocument.parse(bytes, file: "t")
            return "ok " + doc.withRoot { render($0) }
        } catch {
            return "error \(error.code) \(error.message) at \(error.line ?? -1):\(error.column ?? -1)"
        }
    }

    @Test("the tape parser agrees with jansson", arguments: corpus.map { Array($0.utf8) } + bytesCorpus)
    func agreesWithJansson(_ bytes: [UInt8]) {
        let jansson = Self.outcome(bytes, tape: false)
        let tape = Self.outcome(bytes, tape: true)
        #expect(tape == jansson, "input \(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)")
    }

    /// SplitMix64: a fixed-seed generator, so a failure reproduces.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("20,000 mutated requests: the tape parser and jansson accept, read and reject them alike")
    func mutationsAgree() throws {
        let seed = #"{"requestId":"r-1","asOf":"2026-11-21T10:00:00Z","patient":{"id":"p\u00e9","ageYears":72,"weightKg":48.5,"kidney":{"dialysis":"hemodialysis","egfr":7e0},"labs":[{"test":"magnesium","value":-1.25E-1,"unit":"mg/dL"}],"conditions":[]},"orders":[{"id":"o1","drug":"baclofen","dose":{"value":10,"unit":"mg"},"frequency":"tid","flag":true,"none":null}]}"#
        let alphabet = Array(#"{}[]:,"\-+.eE0123456789 trufalsn/bu"#.utf8) + [0x0A, 0x1F, 0x7F, 0xC3, 0xA9, 0xED, 0xA0, 0xFF, 0xF0, 0x9F]
        var rng = Mix(state: 20_261_127)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var bytes = Array(seed.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: at)
                case 2: if bytes.count > 1 { bytes.remove(at: at) }
                default: bytes = Array(bytes.prefix(at))
                }
            }
            let (a, b) = (Self.outcome(bytes, tape: false), Self.outcome(bytes, tape: true))
            if a != b && disagreements.count < 5 { disagreements.append("\(String(decoding: bytes, as: UTF8.self).debugDescription)\n  jansson: \(a)\n  tape:    \(b)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    /// jansson skips a NUL byte that directly follows a number or a literal (its stream treats the
    /// pushed-back NUL as an empty buffer), so it accepts `{"v":1<NUL>}`. A NUL byte is never JSON:
    /// the tape rejects it wherever it stands outside a string, as jansson does everywhere else.
    @Test("a NUL byte after a number is rejected (where jansson skips it)")
    func nulAfterNumber() {
        let bytes: [UInt8] = Array(#"{"v":1"#.utf8) + [0x00] + Array("}".utf8)
        #expect(Self.outcome(bytes, tape: false).hasPrefix("ok"))
        #expect(Self.outcome(bytes, tape: true) == "error syntax '}' expected near end of file at 1:7")
    }

    @Test("arrays read in order and out of order give the same elements")
    func elementCursor() throws {
        let doc = try JSONDocument.parseRequest(Array("[[1],[2,[3]],{\"a\":[4]},5]".utf8), file: "t")
        doc.withRoot { root in
            let forward = (0..<4).map { Self.render(root.element($0)!) }
            let backward = (0..<4).reversed().map { Self.render(root.element($0)!) }
            #expect(forward == backward.reversed())
            #expect(root.element(-1) == nil && root.element(4) == nil)
        }
    }
}
