import Testing
import TestSupport

/// `hepatic` rules by Child–Pugh class.
struct HepaticRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.hepatic", kind: "hepatic", severity: "major", category: "hepatic", when: #"{"hepatic": ["moderate", "severe"]}"#),
        ])
    }

    static let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#

    @Test("Child–Pugh class", arguments: [("none", false), ("mild", false), ("moderate", true), ("severe", true)])
    func hepatic(level: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"hepatic": "\#(level)"}"#, order: Self.order)
        #expect(!report.findings(rule: "alpha.hepatic").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func unstatedHepaticFunctionCountsAsNone() throws {
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order)
        #expect(report.findings.isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func unknownHepaticFunctionIsAGapNotUnscreened() throws {
        let report = try Self.harness.get().screen(patient: #"{"hepatic": "unknown"}"#, order: Self.order)
        let gap = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(gap.note?.contains("hepatic function") == true)
        #expect(gap.severity == .minor)
        #expect(gap.category == .missingData)
        #expect(report.findings(rule: "alpha.hepatic").isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }
}
