import Testing

import RenalCheckJSON

/// Turning a JSON path back into the line and column of its value.
struct JSONSourceLocatorTests {
    static let text = """
        {
          "id": "baclofen",
          "note": "a \\"quoted\\" {tricky} [text], with: colons",
          "rules": [
            {"id": "r0", "limits": {"daily": 10}},
            {"id": "r1"},
            {
              "id": "r2",
              "limits": {
                "single": {"value": 5, "unit": "mg"},
                "daily": "lots"
              }
            }
          ],
          "name": "Ménière ☃", "after": true
        }
        """

    static func locate(_ path: [JSONPathComponent]) -> (line: Int, column: Int)? {
        JSONSourceLocator.locate(path, in: Array(text.utf8))
    }

    @Test("finds the value at a path", arguments: [
        ([JSONPathComponent.key("id")], 2, 9),
        ([.key("rules"), .index(2), .key("limits"), .key("daily")], 11, 18),
        ([.key("rules"), .index(2), .key("limits"), .key("single"), .key("unit")], 10, 40),
        ([.key("rules"), .index(0), .key("limits"), .key("daily")], 5, 38),
        ([.key("rules"), .index(1)], 6, 5),
        ([.key("after")], 15, 33),
        ([], 1, 1),
    ])
    func locates(path: [JSONPathComponent], line: Int, column: Int) throws {
        let position = try #require(Self.locate(path))
        #expect(position.line == line)
        #expect(position.column == column)
    }

    @Test func aMissingMemberGivesItsNearestAncestor() throws {
        let position = try #require(Self.locate([.key("rules"), .index(1), .key("limits")]))
        #expect(position.line == 6)
        #expect(position.column == 5)
        let outOfRange = try #require(Self.locate([.key("rules"), .index(9)]))
        #expect(outOfRange.line == 4)
        #expect(outOfRange.column == 12)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let bytes = Array(#"{"é☃": "ü", "k": 1}"#.utf8)
        let position = try #require(JSONSourceLocator.locate([.key("k")], in: bytes))
        #expect(position.line == 1)
        #expect(position.column == 18)
    }

    @Test func emptyInputHasNoPosition() {
        #expect(JSONSourceLocator.locate([.key("a")], in: Array("  \n ".utf8)) == nil)
    }
}
