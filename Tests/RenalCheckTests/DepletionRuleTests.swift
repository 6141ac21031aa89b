import Testing
import TestSupport

/// `depletion` rules: the drug is proposed.
struct DepletionRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "delta", rules: [
            RuleHarness.rule("delta.depletes-q", kind: "depletion", severity: "minor", category: "interaction", extra: #""nutrient": "nutrient-q""#),
        ])
    }

    static func entry(_ id: String, _ drug: String) -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
    }

    @Test func firesWhenTheDrugIsProposed() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "delta")])
        let finding = try #require(report.findings(rule: "delta.depletes-q").first)
        #expect(finding.note == "Depletes: Nutrient Q.")
        #expect(finding.orderIDs == ["o1"])
    }

    @Test func silentWhenTheDrugIsOnlyCurrent() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "delta")])
        #expect(report.findings(rule: "delta.depletes-q").isEmpty)
    }
}
