import Testing
import TestSupport

/// `current`, `notCurrent` and `newStart` predicates: what counts as a current medication.
struct CurrentMedicationPredicateTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.with-beta", kind: "depletion", severity: "moderate", category: "interaction",
                             when: #"{"current": {"drugs": ["beta"]}}"#, extra: #""nutrient": "nutrient-q""#),
            RuleHarness.rule("alpha.without-opioid", kind: "depletion", severity: "minor", category: "interaction",
                             when: #"{"notCurrent": {"classes": ["opioid"]}}"#, extra: #""nutrient": "nutrient-q""#),
            RuleHarness.rule("alpha.new-start", kind: "depletion", severity: "minor", category: "interaction",
                             when: #"{"newStart": true}"#, extra: #""nutrient": "nutrient-q""#),
        ])
    }

    static let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#

    static func med(_ drug: String, stop: String?) -> String {
        let s = stop.map { #", "stop": "\#($0)""# } ?? ""
        return #"{"id": "m1", "drug": "\#(drug)", "start": "2025-06-01"\#(s)}"#
    }

    /// asOf is 2026-01-15: a medication stopped before that day is not current.
    @Test("a medication stopped before asOf is not current", arguments: [
        (nil, true), ("2026-02-01", true), ("2026-01-15", true), ("2026-01-14", false), ("2025-07-01", false),
    ] as [(String?, Bool)])
    func stopDate(stop: String?, current: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order, medications: [Self.med("beta", stop: stop)])
        #expect(!report.findings(rule: "alpha.with-beta").isEmpty == current)
        #expect(report.findings(rule: "alpha.without-opioid").isEmpty == current)
    }

    @Test("newStart ignores a stopped course of the same drug", arguments: [
        (nil, false), ("2026-01-20", false), ("2025-12-31", true),
    ] as [(String?, Bool)])
    func newStart(stop: String?, isNewStart: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order, medications: [Self.med("alpha", stop: stop)])
        #expect(!report.findings(rule: "alpha.new-start").isEmpty == isNewStart)
    }

    @Test func noMedicationsMeansNewStartAndNotCurrent() throws {
        let report = try Self.harness.get().screen(order: Self.order)
        #expect(report.ruleIDs.sorted() == ["alpha.new-start", "alpha.without-opioid"])
    }
}
