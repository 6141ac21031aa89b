import Testing

import RenalCheckJSON

/// Parsing through jansson: errors carry jansson's position, code and message; nodes read back.
struct JSONDocumentTests {
    static func parse(_ text: String) throws(JSONDiagnostic) -> JSONDocument {
        try JSONDocument.parse(Array(text.utf8), file: "t.json")
    }

    @Test func syntaxErrorReportsLineColumnAndJanssonsMessage() throws {
        let error = #expect(throws: JSONDiagnostic.self) { try Self.parse("{\n  \"a\": 1,\n  \"b\": }\n") }
        let e = try #require(error)
        #expect(e.code == .syntax)
        #expect(e.file == "t.json")
        #expect(e.line == 3)
        #expect(e.column == 8)
        #expect(e.message.contains("unexpected token"))
        #expect(e.path.isEmpty)
        #expect(e.description.hasPrefix("t.json:3:8: "))
    }

    @Test("syntax errors", arguments: ["", "{", "{} x", "[1,]", "{\"a\" 1}", "nul", "{'a': 1}"])
    func rejectsNonJSON(text: String) {
        let error = #expect(throws: JSONDiagnostic.self) { try Self.parse(text) }
        #expect(error?.code == .syntax)
        #expect(error?.line != nil)
    }

    @Test func duplicateKeysAreRejected() throws {
        let error = #expect(throws: JSONDiagnostic.self) { try Self.parse("{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}}") }
        #expect(error?.code == .duplicateKey)
        #expect(error?.line == 2)
        #expect(error?.message.contains("c") == true)
    }

    @Test("invalid UTF-8 is rejected", arguments: [
        [0x22, 0xFF, 0x22] as [UInt8], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D],
    ])
    func invalidUTF8(bytes: [UInt8]) {
        let error = #expect(throws: JSONDiagnostic.self) { try JSONDocument.parse(bytes, file: "bin") }
        #expect(error?.code == .invalidUTF8)
    }

    @Test func validMultibyteTextReadsBack() throws {
        let doc = try Self.parse(#"{"name": "Ménière µg ☃", "escaped": "\u00e9\u2603\ud83d\ude00"}"#)
        doc.withRoot { root in
            #expect(root.member("name")?.string == "Ménière µg ☃")
            #expect(root.member("name")?.stringByteCount == "Ménière µg ☃".utf8.count)
            #expect(root.member("escaped")?.string == "é☃😀")
        }
    }

    @Test func anEscapedNULIsRejected() {
        // The parse flags do not include JSON_ALLOW_NUL: no string may hide a NUL from C readers.
        let error = #expect(throws: JSONDiagnostic.self) { try Self.parse(#"{"nul": "a\u0000b"}"#) }
        #expect(error?.code == .syntax)
        #expect(error?.line == 1)
    }

    @Test func nodesReportKindsAndValues() throws {
        let doc = try Self.parse(#"{"i": 7, "r": 2.5, "w": 3.0, "t": true, "f": false, "n": null, "s": "x", "a": [1, "two"], "o": {"z": 1, "y": 2}}"#)
        doc.withRoot { root in
            #expect(root.kind == .object)
            #expect(root.count == 9)
            #expect(root.member("i")?.kind == .integer)
            #expect(root.member("i")?.integer == 7)
            #expect(root.member("r")?.number == 2.5)
            #expect(root.member("r")?.integer == nil)
            #expect(root.member("w")?.integer == 3)
            #expect(root.member("t")?.bool == true)
            #expect(root.member("f")?.bool == false)
            #expect(root.member("n")?.kind == .null)
            #expect(root.member("s")?.number == nil)
            #expect(root.member("missing") == nil)
            let array = root.member("a")
            #expect(array?.count == 2)
            #expect(array?.element(1)?.string == "two")
            #expect(array?.element(2) == nil)
            var keys: [String] = []
            root.member("o")?.forEachMember { key, _ in keys.append(key) }
            #expect(keys == ["z", "y"])
        }
    }
}
