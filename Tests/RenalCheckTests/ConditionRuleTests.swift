import Testing
import TestSupport

/// `condition` rules: the patient has any of the listed conditions.
struct ConditionRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.heart-failure", kind: "condition", severity: "contraindicated", category: "condition",
                             when: #"{"conditions": ["heart-failure"]}"#),
        ])
    }

    static let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#

    @Test func firesWhenThePatientHasTheCondition() throws {
        let report = try Self.harness.get().screen(patient: #"{"conditions": ["heart-failure"]}"#, order: Self.order)
        let finding = try #require(report.findings(rule: "alpha.heart-failure").first)
        #expect(finding.severity == .contraindicated)
        #expect(finding.category == .condition)
        #expect(report.orders.first?.highestSeverity == .contraindicated)
    }

    @Test("no finding without the condition", arguments: [#"{"conditions": []}"#, "{}"])
    func silentWithoutTheCondition(patient: String) throws {
        let report = try Self.harness.get().screen(patient: patient, order: Self.order)
        #expect(report.findings.isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }
}
