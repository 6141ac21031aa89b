import Testing
import RenalCheck
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

    /// A request built in Swift skips the JSON decoder's range check: a duration outside
    /// (0, 36 500] days makes the order unscreened (naming the value), and the duplicate check's
    /// day arithmetic (which once trapped on 8.1e36 days) treats it as open-ended.
    @Test("a Swift-built duration out of range is unscreened", arguments: [8.1e36, .infinity, .nan, 0, -3, 36_501])
    func swiftBuiltDurationOutOfRange(days: Double) throws {
        // The fuzzer's case, against the shipped formulary: the same course as a current
        // medication too, so the duplicate-ingredient check computes both spans.
        let order = MedicationEntry(id: "o1", drug: .name("cyclobenzaprine"), dose: Dose(value: 5, unit: "mg"), route: "oral",
                                    frequency: Frequency(code: "tid"), durationDays: days)
        let patient = Patient(kidney: KidneyStatus(dialysis: .hemodialysis, sessionsPerWeek: 3, egfr: 8))
        let report = Checker(formulary: TestFormulary.shipped).screen(ScreeningRequest(patient: patient, medications: [order], orders: [order]))
        let finding = try #require(report.findings(rule: "renalcheck.unscreened.not-understood").first)
        #expect(finding.note?.contains("between 0 and 36500 days") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }
}
