import Testing

import RenalCheckJSON

/// Allowed-key checks on raw key bytes agree with `Set<String>` membership, and unknown keys are reported.
struct JSONKeySetTests {
    static func contains(_ set: JSONKeySet, _ key: String) -> Bool {
        Array(key.utf8).withUnsafeBufferPointer { set.contains($0) }
    }

    @Test func matchesExactKeysOnly() {
        let set = JSONKeySet(["id", "drug", "durationDays"])
        #expect(Self.contains(set, "id"))
        #expect(Self.contains(set, "durationDays"))
        #expect(!Self.contains(set, "Id"))
        #expect(!Self.contains(set, "i"))
        #expect(!Self.contains(set, "durationDay"))
        #expect(!Self.contains(set, ""))
    }

    @Test func agreesWithSetOfStringForCanonicallyEquivalentKeys() {
        // U+212A KELVIN SIGN is canonically equivalent to "K": `Set<String>` accepts it, so must this.
        let keys = ["weightKg", "é"]
        let set = JSONKeySet(keys)
        for key in ["weight\u{212A}g", "e\u{301}", "weightkg", "ẽ"] {
            #expect(Self.contains(set, key) == Set(keys).contains(key), "\(key)")
        }
    }

    @Test func readerReportsUnknownKeysWithTheirPath() throws {
        let doc = try JSONDocument.parse(Array(#"{"id":"a","colour":"red","drug":"x"}"#.utf8), file: "t.json")
        let reader = JSONReader(file: "t.json")
        doc.withRoot { root in #expect(reader.object(root, keys: JSONKeySet(["id", "drug"])) != nil) }
        #expect(reader.diagnostics.map(\.message) == ["unknown field 'colour'"])
        #expect(reader.diagnostics.first?.pathText == "$.colour")
    }
}
