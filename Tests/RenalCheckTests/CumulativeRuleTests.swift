import Testing
import TestSupport

/// `cumulative` rules: a daily ingredient total across every product ordered or current.
struct CumulativeRuleTests {
    static let harness = Result {
        try RuleHarness(files: [
            "rules/licorice.json": RuleHarness.topicFile([
                RuleHarness.rule("licorice.daily", kind: "cumulative", severity: "moderate", category: "duplicate",
                                 extra: #""ingredient": "licorice-root", "daily": {"atLeast": {"value": 6, "unit": "g"}}"#),
            ]),
        ])
    }

    static func entry(_ id: String, _ drug: String, grams: String, frequency: String) -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": \#(grams), "unit": "g"}, "route": "oral", "frequency": "\#(frequency)"}"#
    }

    /// kanzo holds 0.8 g licorice per g; kanzo-two 0.4 g per g.
    @Test("one product: 0.8 g licorice per g, threshold at least 6 g a day", arguments: [
        ("2.5", "tid", true), ("2.4", "tid", false), ("2500", "bid", false),
    ])
    func oneProduct(grams: String, frequency: String, fires: Bool) throws {
        let order = grams == "2500"
            ? #"{"id": "o1", "drug": "kanzo", "dose": {"value": 2500, "unit": "mg"}, "route": "oral", "frequency": "bid"}"#
            : Self.entry("o1", "kanzo", grams: grams, frequency: frequency)
        let report = try Self.harness.get().screen(order: order)
        #expect(!report.findings(rule: "licorice.daily").isEmpty == fires)
    }

    @Test("summed across an order and a current product", arguments: [("2.5", true), ("2.4", false)])
    func acrossProducts(currentGrams: String, fires: Bool) throws {
        // 2.5 g bid of kanzo = 4 g; 2.5 g bid of kanzo-two = 2 g; 6 g in all.
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "kanzo", grams: "2.5", frequency: "bid")],
                                                   medications: [Self.entry("m1", "kanzo-two", grams: currentGrams, frequency: "bid")])
        let findings = report.findings(rule: "licorice.daily")
        #expect(!findings.isEmpty == fires)
        if let f = findings.first {
            #expect(f.drugs == ["kanzo", "kanzo-two"])
            #expect(f.orderIDs == ["o1"])
            #expect(f.note?.contains("6 g") == true)
        }
    }

    @Test func currentProductsAloneDoNotFire() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha", grams: "0.01", frequency: "daily")],
                                                   medications: [Self.entry("m1", "kanzo", grams: "5", frequency: "tid")])
        #expect(report.findings(rule: "licorice.daily").isEmpty)
    }

    @Test func aProductWithoutADoseBelowTheThresholdIsSaid() throws {
        let current = #"{"id": "m1", "drug": "kanzo-two"}"#
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "kanzo", grams: "2.5", frequency: "bid")], medications: [current])
        #expect(report.findings(rule: "licorice.daily").isEmpty)
        // The rule is moderate, so the gap is said at info and the order stays screened.
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(missing.note?.contains("a usable dose and frequency for kanzo-two (current)") == true)
        #expect(missing.note?.contains("licorice.daily") == true)
        #expect(report.status(of: "o1") == .screened)
    }
}
