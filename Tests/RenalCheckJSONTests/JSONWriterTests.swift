import Testing

import RenalCheckJSON

/// The writer: escaping, numbers, nesting and indentation; its output parses back.
struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        var w = JSONWriter()
        w.string("a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{7F}é")
        #expect(w.text == #""a\"b\\c\nd\re\tf\u0000g\u001fh"# + "\u{7F}é\"")
    }

    @Test func everyControlCharacterRoundTripsThroughJansson() throws {
        let original = String(decoding: (1..<0x20).map { UInt8($0) } + Array("\"\\/ ☃".utf8), as: UTF8.self)
        var w = JSONWriter()
        w.beginObject(); w.member("s", original); w.endObject()
        let doc = try JSONDocument.parse(w.bytes, file: "w")
        doc.withRoot { #expect($0.member("s")?.string == original) }
        #expect(!w.bytes.contains { $0 < 0x20 })
    }

    @Test func longStringsEscapeLikeByteByByte() {
        // Escapes at every offset around the 8-byte scanning steps, and multi-byte UTF-8.
        for length in 0..<40 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", " "] {
                for at in stride(from: 0, through: length, by: 3) {
                    var chars = Array(repeating: "x", count: length)
                    chars.insert(special, at: at)
                    let s = chars.joined()
                    var w = JSONWriter()
                    w.string(s)
                    #expect(w.text == Self.reference(s), "\(s.debugDescription)")
                }
            }
        }
    }

    @Test func threePartStringEqualsTheConcatenation() {
        var a = JSONWriter(), b = JSONWriter()
        a.beginArray(); a.string("Note \"x\".", " ", "Detail\n"); a.endArray()
        b.beginArray(); b.string("Note \"x\". Detail\n"); b.endArray()
        #expect(a.bytes == b.bytes)
    }

    @Test("integers", arguments: [0, 7, -7, 10, -10, 1234567890, Int.max, Int.min])
    func integers(value: Int) {
        var w = JSONWriter()
        w.integer(value)
        #expect(w.text == String(value))
    }

    /// The escaping the writer had before it scanned in runs: one byte at a time.
    static func reference(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20: out += Array(String(format0: b).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    @Test("numbers", arguments: [
        (3.0, "3"), (-2.0, "-2"), (0.0, "0"), (1500.0, "1500"), (0.5, "0.5"), (2.4305, "2.4305"), (-0.25, "-0.25"),
        (Double.nan, "null"), (Double.infinity, "null"), (123456789012345.0, "123456789012345"),
    ])
    func numbers(value: Double, text: String) {
        var w = JSONWriter()
        w.number(value)
        #expect(w.text == text)
    }

    @Test func largeNumbersStillParse() throws {
        var w = JSONWriter()
        w.beginArray(); w.number(1e300); w.number(1e15); w.number(-1e-7); w.endArray()
        let doc = try JSONDocument.parse(w.bytes, file: "w")
        doc.withRoot { root in
            #expect(root.element(0)?.number == 1e300)
            #expect(root.element(1)?.number == 1e15)
            #expect(root.element(2)?.number == -1e-7)
        }
    }

    @Test func compactNesting() {
        var w = JSONWriter()
        w.beginObject()
        w.member("a", 1.0)
        w.member("skipped", nil as String?)
        w.key("b"); w.beginArray(); w.bool(true); w.null(); w.integer(-4); w.beginObject(); w.endObject(); w.endArray()
        w.member("c", strings: ["x", "y"])
        w.key("d"); w.beginArray(); w.endArray()
        w.endObject()
        #expect(w.text == #"{"a":1,"b":[true,null,-4,{}],"c":["x","y"],"d":[]}"#)
    }

    @Test func indentedOutput() {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.member("a", "x")
        w.key("b"); w.beginArray(); w.integer(1); w.integer(2); w.endArray()
        w.key("e"); w.beginObject(); w.endObject()
        w.endObject()
        #expect(w.text == "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2\n  ],\n  \"e\": {}\n}")
    }

    @Test func keysAreEscapedToo() throws {
        var w = JSONWriter()
        w.beginObject(); w.key("k\"\n"); w.integer(1); w.endObject()
        #expect(w.text == #"{"k\"\n":1}"#)
        let doc = try JSONDocument.parse(w.bytes, file: "w")
        doc.withRoot { #expect($0.member("k\"\n")?.integer == 1) }
    }
}

private extension String {
    /// `\u00XX` for a control byte.
    init(format0 b: UInt8) {
        let hex = Array("0123456789abcdef")
        self = "\\u00" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
    }
}
