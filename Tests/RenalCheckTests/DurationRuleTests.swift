import Testing
import TestSupport

/// `duration` rules: a course longer than `maxDays`, and a missing duration reported at `info`.
struct DurationRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.duration", kind: "duration", severity: "moderate", category: "duration",
                             when: #"{"regular": true}"#, extra: #""maxDays": 14"#),
        ])
    }

    static func order(days: String?, frequency: String = "tid") -> String {
        let d = days.map { #", "durationDays": \#($0)"# } ?? ""
        return #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "\#(frequency)"\#(d)}"#
    }

    @Test("longer than 14 days", arguments: [("1", false), ("14", false), ("14.5", true), ("15", true), ("90", true)])
    func maxDays(days: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order(days: days))
        let findings = report.findings(rule: "alpha.duration")
        #expect(!findings.isEmpty == fires)
        if fires {
            #expect(findings.first?.severity == .moderate)
            #expect(findings.first?.note?.contains("14 days") == true)
        }
    }

    @Test func aMissingDurationIsReportedAtInfo() throws {
        let report = try Self.harness.get().screen(order: Self.order(days: nil))
        let finding = try #require(report.findings(rule: "alpha.duration").first)
        #expect(finding.severity == .info)
        #expect(finding.note?.contains("No duration") == true)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test("the rule's when limits it to regular orders", arguments: ["prn", "once"])
    func notRegular(frequency: String) throws {
        let report = try Self.harness.get().screen(order: Self.order(days: "60", frequency: frequency))
        #expect(report.findings(rule: "alpha.duration").isEmpty)
    }
}
