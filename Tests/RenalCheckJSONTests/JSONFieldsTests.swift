import Testing

import RenalCheckJSON

/// Typed accessors: a wrong or missing member is reported with its JSON path and what was expected.
struct JSONFieldsTests {
    /// Parses `text` and runs `body` with a reader positioned at the root object.
    static func read(_ text: String, _ body: (JSONFields, JSONReader) -> Void) throws -> [JSONDiagnostic] {
        let doc = try JSONDocument.parse(Array(text.utf8), file: "f.json")
        let reader = JSONReader(file: "f.json")
        doc.withRoot { root in
            if let f = reader.object(root) { body(f, reader) }
        }
        return reader.diagnostics
    }

    @Test func aWrongTypeDeepInsideReportsThePath() throws {
        let text = #"{"rules": [{}, {}, {"limits": {"daily": "lots"}}]}"#
        var value: Double? = 1
        let diagnostics = try Self.read(text) { f, r in
            _ = f.array("rules") { node -> Void? in
                guard r.currentPath.last == .index(2), let rule = r.object(node) else { return () }
                _ = rule.object("limits") { l -> Void? in value = l.number("daily"); return () }
                return ()
            }
        }
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.pathText == "$.rules[2].limits.daily")
        #expect(d.code == .wrongType)
        #expect(d.message.contains("expected a number"))
        #expect(d.message.contains("a string"))
        #expect(value == nil)
    }

    @Test("each accessor names what it expected", arguments: [
        (#"{"x": 1}"#, "string", "expected a string"),
        (#"{"x": "1"}"#, "number", "expected a number"),
        (#"{"x": 2.5}"#, "integer", "expected a whole number"),
        (#"{"x": "yes"}"#, "bool", "expected true or false"),
        (#"{"x": "a"}"#, "strings", "expected an array"),
        (#"{"x": [1]}"#, "object", "expected an object"),
    ])
    func wrongType(text: String, accessor: String, expected: String) throws {
        let diagnostics = try Self.read(text) { f, _ in
            switch accessor {
            case "string": #expect(f.string("x") == nil)
            case "number": #expect(f.number("x") == nil)
            case "integer": #expect(f.integer("x") == nil)
            case "bool": #expect(f.bool("x") == nil)
            case "strings": #expect(f.strings("x") == nil)
            default: #expect(f.object("x") { _ in 1 } == nil)
            }
        }
        let d = try #require(diagnostics.first)
        #expect(d.code == .wrongType)
        #expect(d.pathText == "$.x")
        #expect(d.message.contains(expected))
    }

    @Test func anElementOfTheWrongTypeIsReportedAtItsIndex() throws {
        let diagnostics = try Self.read(#"{"names": ["a", 2, "c"]}"#) { f, _ in
            #expect(f.strings("names") == ["a", "c"])
        }
        #expect(diagnostics.map(\.pathText) == ["$.names[1]"])
    }

    @Test func missingRequiredFieldsAreReportedOptionalOnesAreNot() throws {
        let diagnostics = try Self.read(#"{"present": "x", "nothing": null}"#) { f, _ in
            #expect(f.string("present") == "x")
            #expect(f.string("absent") == nil)
            #expect(f.number("optional", required: false) == nil)
            #expect(f.string("nothing") == nil)
            #expect(f.string("nothing", required: false) == nil)
        }
        #expect(diagnostics.map(\.code) == [.missingField, .wrongType])
        #expect(diagnostics.map(\.pathText) == ["$.absent", "$.nothing"])
    }

    enum Colour: String, CaseIterable { case red, green }

    @Test func anUnknownEnumerationValueListsTheAllowedOnes() throws {
        let diagnostics = try Self.read(#"{"c": "blue", "d": "green"}"#) { f, _ in
            #expect(f.enumeration("c", Colour.self) == nil)
            #expect(f.enumeration("d", Colour.self) == .green)
        }
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.code == .invalidValue)
        #expect(d.pathText == "$.c")
        #expect(d.message.contains("red, green"))
    }

    @Test func wellTypedMembersReadBack() throws {
        let diagnostics = try Self.read(#"{"s": "x", "n": 1.5, "i": 4, "b": false, "l": ["p", "q"], "o": {"k": 2}}"#) { f, _ in
            #expect(f.string("s") == "x")
            #expect(f.number("n") == 1.5)
            #expect(f.integer("i") == 4)
            #expect(f.bool("b") == false)
            #expect(f.strings("l") == ["p", "q"])
            #expect(f.object("o") { $0.integer("k") } == 2)
            #expect(f.has("s"))
            #expect(!f.has("zzz"))
        }
        #expect(diagnostics.isEmpty)
    }
}
