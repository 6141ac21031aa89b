import Testing

import RenalCheckJSON

/// The reader's path stack, unknown-field checks and collection of every problem.
struct JSONReaderTests {
    @Test func unknownFieldsAreReportedWithTheirPath() throws {
        let doc = try JSONDocument.parse(Array(#"{"drugs": [{"id": "a", "nmae": "A", "doseUnit": "mg", "extra": 1}]}"#.utf8), file: "d.json")
        let reader = JSONReader(file: "d.json")
        doc.withRoot { root in
            guard let f = reader.object(root, allowed: ["drugs"]) else { return }
            _ = f.array("drugs") { node in reader.object(node, allowed: ["id", "name", "doseUnit"]) }
        }
        #expect(reader.diagnostics.map(\.code) == [.unknownField, .unknownField])
        #expect(reader.diagnostics.map(\.pathText) == ["$.drugs[0].nmae", "$.drugs[0].extra"])
        #expect(!reader.isClean)
        #expect(reader.currentPath.isEmpty)
    }

    @Test func atRestoresThePathAfterTheBody() {
        let reader = JSONReader(file: "x")
        reader.at("a") {
            reader.at(3) {
                #expect(reader.currentPath == [.key("a"), .index(3)])
                reader.report("bad", key: "b", code: .inconsistent)
            }
        }
        #expect(reader.currentPath.isEmpty)
        #expect(reader.diagnostics.first?.pathText == "$.a[3].b")
        #expect(reader.diagnostics.first?.code == .inconsistent)
        #expect(reader.diagnostics.first?.description == "x: $.a[3].b: bad")
    }

    @Test func theRootMustBeAnObjectWhenOneIsExpected() throws {
        let doc = try JSONDocument.parse(Array("[1, 2]".utf8), file: "r.json")
        let reader = JSONReader(file: "r.json")
        let fields = doc.withRoot { reader.object($0) }
        #expect(fields == nil)
        #expect(reader.diagnostics.first?.code == .wrongType)
        #expect(reader.diagnostics.first?.pathText == "$")
    }

    @Test("path rendering", arguments: [
        ([JSONPathComponent.key("rules"), .index(2), .key("limits"), .key("daily")], "$.rules[2].limits.daily"),
        ([.key("a b")], #"$["a b"]"#),
        ([.key(#"q"x"#)], #"$["q\"x"]"#),
        ([.key("")], #"$[""]"#),
        ([], "$"),
    ])
    func rendering(path: [JSONPathComponent], text: String) {
        #expect(JSONPathComponent.render(path) == text)
    }
}
