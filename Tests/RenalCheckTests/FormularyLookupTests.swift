import Testing
import TestSupport

/// Lookups by id, name, brand, synonym, code, case and accents; suggestions for misspellings.
struct FormularyLookupTests {
    static let small = Result { try TemporaryFormulary.formulary([:]) }

    @Test("names, brands and synonyms in any case or accent", arguments: [
        "alpha", "Alphadrug", "ALPHADRUG", "alphadrug", "Alphabrand", "alphabrand", "Ålpha-X", "alpha-x", "ALPHA X", "alpha x",
        "  Alphadrug ", "111",
    ])
    func findsAlpha(text: String) throws {
        #expect(try Self.small.get().drug(named: text)?.id == "alpha")
    }

    @Test("names that are not in the formulary", arguments: ["alph", "gamma", "", "112", "Alphabrand Forte"])
    func findsNothing(text: String) throws {
        #expect(try Self.small.get().drug(named: text) == nil)
    }

    @Test("shipped brand names", arguments: ["LIORESAL", "lioresal", "Lioresal", "lióresal", "LIORÉSAL"])
    func shippedBrand(text: String) {
        #expect(TestFormulary.shipped.drug(named: text)?.id == "baclofen")
    }

    @Test func byRxCUI() throws {
        #expect(TestFormulary.shipped.drug(rxcui: "83367")?.id == "atorvastatin")
        #expect(TestFormulary.shipped.drug(named: "83367")?.id == "atorvastatin")
        #expect(try Self.small.get().drug(rxcui: "111")?.id == "alpha")
        #expect(TestFormulary.shipped.drug(rxcui: "0") == nil)
    }

    @Test("by ATC code, either case", arguments: ["M03BX01", "m03bx01"])
    func byATC(code: String) {
        #expect(TestFormulary.shipped.drug(named: code)?.id == "baclofen")
    }

    @Test("suggestions for a misspelling", arguments: [("baclophen", "baclofen"), ("gabapentine", "gabapentin"), ("Liorsal", "baclofen")])
    func suggestions(text: String, expected: String) {
        #expect(TestFormulary.shipped.drug(named: text) == nil)
        let suggestions = TestFormulary.shipped.suggestions(for: text)
        #expect(suggestions.first == expected, "got \(suggestions)")
        #expect(suggestions.count <= 3)
        #expect(Set(suggestions).count == suggestions.count)
    }

    @Test func noSuggestionsForNonsense() {
        #expect(TestFormulary.shipped.suggestions(for: "qqqqqqqqqqqq").isEmpty)
        #expect(TestFormulary.shipped.suggestions(for: "").isEmpty)
    }

    @Test func labsByIDOrLOINC() throws {
        let f = try Self.small.get()
        #expect(f.lab(named: "magnesium")?.unit == "mmol/L")
        #expect(f.lab(named: "19123-9")?.id == "magnesium")
        #expect(f.lab(named: "zinc") == nil)
        let mg = try #require(f.lab(named: "magnesium"))
        #expect(mg.canonical(2.4305, unit: "mg/dL") == 1)
        #expect(mg.canonical(1, unit: "mEq/L") == nil)
    }

    @Test func conditionsByIDAndSNOMED() throws {
        let f = try Self.small.get()
        #expect(f.condition(id: "heart-failure")?.name == "Heart failure")
        #expect(f.condition(id: "gout") == nil)
        let withCode = try #require(TestFormulary.shipped.conditions.first { !$0.snomed.isEmpty })
        #expect(TestFormulary.shipped.condition(snomed: withCode.snomed[0])?.id == withCode.id)
        #expect(TestFormulary.shipped.condition(snomed: "not-a-code") == nil)
    }

    @Test func classMembershipAndDrugRules() throws {
        let f = try TemporaryFormulary.formulary([:])
        #expect(f.drugs(inClass: "relaxant").map(\.id) == ["alpha"])
        #expect(f.drugs(inClass: "nope").isEmpty)
        #expect(!TestFormulary.shipped.rules(forDrug: "baclofen").isEmpty)
        #expect(TestFormulary.shipped.rules(forDrug: "baclofen").allSatisfy { $0.drugID == "baclofen" })
        #expect(TestFormulary.shipped.rules(forDrug: "nope").isEmpty)
    }
}
