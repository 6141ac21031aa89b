import Testing
import TestSupport

/// `indication` rules: the order's stated indication.
struct IndicationRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.cramps", kind: "indication", severity: "contraindicated", category: "indication",
                             when: #"{"indications": ["muscle-cramps"]}"#),
        ])
    }

    static func order(indication: String?) -> String {
        let i = indication.map { #", "indication": "\#($0)""# } ?? ""
        return #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"\#(i)}"#
    }

    @Test("indications", arguments: [("muscle-cramps", true), ("malaria", false)])
    func indication(indication: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order(indication: indication))
        #expect(!report.findings(rule: "alpha.cramps").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func missingIndicationIsNamed() throws {
        let report = try Self.harness.get().screen(order: Self.order(indication: nil))
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(missing.note?.contains("the order's indication") == true)
        #expect(missing.severity <= .minor)
        #expect(report.status(of: "o1") == .screened)
    }
}
