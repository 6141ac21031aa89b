import Testing
import TestSupport

/// `age` rules with a half-open age band.
struct AgeRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.age", kind: "age", severity: "moderate", category: "age", when: #"{"ageYears": {"atLeast": 65}}"#),
        ])
    }

    static let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#

    @Test("age threshold is inclusive at 65", arguments: [(18.0, false), (64.0, false), (64.99, false), (65.0, true), (90.0, true)])
    func ageThreshold(age: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"ageYears": \#(age)}"#, order: Self.order)
        #expect(!report.findings(rule: "alpha.age").isEmpty == fires)
    }

    static let majorHarness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.age", kind: "age", severity: "major", category: "age", when: #"{"ageYears": {"atLeast": 65}}"#),
        ])
    }

    @Test func missingAgeForAModerateRuleIsSaidAtInfo() throws {
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(missing.severity == .info)
        #expect(missing.note?.contains("age (patient.ageYears)") == true)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func missingAgeForAMajorRuleIsAMinorGap() throws {
        let report = try Self.majorHarness.get().screen(patient: "{}", order: Self.order)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(missing.severity == .minor)
        #expect(missing.note?.contains("age (patient.ageYears)") == true)
        #expect(report.status(of: "o1") == .screened)
    }
}
