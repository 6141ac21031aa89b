import Testing
import TestSupport

/// `dialysis-timing` rules: timings relative to sessions and frequency codes.
struct DialysisTimingRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.timing.pre", kind: "dialysis-timing", severity: "moderate", category: "dialysis-timing",
                             when: #"{"dialysis": ["hemodialysis"], "timings": ["before-dialysis", "during-dialysis"]}"#),
            RuleHarness.rule("alpha.timing.bedtime", kind: "dialysis-timing", severity: "minor", category: "dose-timing",
                             when: #"{"frequencies": ["qhs"]}"#),
        ])
    }

    static func order(timing: String?, frequency: String = "daily") -> String {
        let t = timing.map { #", "timing": "\#($0)""# } ?? ""
        return #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "\#(frequency)"\#(t)}"#
    }

    static let onHD = #"{"kidney": {"dialysis": "hemodialysis"}}"#

    @Test("timing relative to a session", arguments: [
        ("before-dialysis", true), ("during-dialysis", true), ("after-dialysis", false), ("non-dialysis-days", false), ("any", false),
    ])
    func timing(timing: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.onHD, order: Self.order(timing: timing))
        #expect(!report.findings(rule: "alpha.timing.pre").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func noTimingMeansAnyAndDoesNotFire() throws {
        let report = try Self.harness.get().screen(patient: Self.onHD, order: Self.order(timing: nil))
        #expect(report.findings(rule: "alpha.timing.pre").isEmpty)
    }

    @Test func timingRuleNeedsTheModalityToo() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none"}}"#, order: Self.order(timing: "before-dialysis"))
        #expect(report.findings(rule: "alpha.timing.pre").isEmpty)
    }

    @Test("frequency codes, case-insensitive", arguments: [("qhs", true), ("QHS", true), ("daily", false), ("bid", false)])
    func frequency(code: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.onHD, order: Self.order(timing: nil, frequency: code))
        let findings = report.findings(rule: "alpha.timing.bedtime")
        #expect(!findings.isEmpty == fires)
        if fires { #expect(findings.first?.category == .doseTiming) }
    }

    @Test func missingFrequencyIsReportedForAFrequencyRule() throws {
        let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral"}"#
        let report = try Self.harness.get().screen(patient: Self.onHD, order: order)
        #expect(report.findings(rule: "alpha.timing.bedtime").isEmpty)
        let missing = try #require(report.findings.first { $0.ruleID.hasPrefix("renalcheck.unscreened.missing-data") })
        #expect(missing.note?.contains("frequency") == true)
        #expect(missing.note?.contains("alpha.timing.bedtime") == true)
        // The only blocked rule is minor, so the finding is informational and the order stays screened.
        #expect(missing.severity == .info)
        #expect(report.status(of: "o1") == .screened)
    }
}
