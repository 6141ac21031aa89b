import Testing
import TestSupport

/// `dose-limit` rules: single, daily, weekly, per-kg and doses-per-day limits, each exceeded only
/// when strictly above.
struct DoseLimitRuleTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.single", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"single": {"value": 500, "unit": "mg"}}"#),
                RuleHarness.rule("alpha.daily", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"daily": {"value": 1, "unit": "g"}}"#),
                RuleHarness.rule("alpha.weekly", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"weekly": {"value": 3500, "unit": "mg"}}"#),
            ]),
            "drugs/beta.json": RuleHarness.drugFile("beta", rules: [
                RuleHarness.rule("beta.single-per-kg", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"singlePerKg": {"value": 10, "unit": "mg/kg"}}"#),
                RuleHarness.rule("beta.daily-per-kg", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"dailyPerKg": {"value": 20, "unit": "mg/kg"}}"#),
            ]),
            "drugs/gamma.json": RuleHarness.drugFile("gamma", rules: [
                RuleHarness.rule("gamma.doses", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"dosesPerDay": 3}"#),
            ]),
            "drugs/delta.json": RuleHarness.drugFile("delta", rules: [
                RuleHarness.rule("delta.hd.daily", kind: "dose-limit", category: "renal-dose",
                                 when: #"{"dialysis": ["hemodialysis"]}"#, extra: #""limits": {"daily": {"value": 20, "unit": "mg"}}"#),
            ]),
        ])
    }

    static func order(_ drug: String, _ value: String, _ unit: String, _ frequency: String, maxPerDay: String? = nil) -> String {
        let m = maxPerDay.map { #", "maxPerDay": \#($0)"# } ?? ""
        return #"{"id": "o1", "drug": "\#(drug)", "dose": {"value": \#(value), "unit": "\#(unit)"}, "route": "oral", "frequency": "\#(frequency)"\#(m)}"#
    }

    static let patient = #"{"weightKg": 50, "kidney": {"dialysis": "none", "crcl": 40}}"#

    @Test("single limit of 500 mg", arguments: [
        ("500", "mg", false), ("501", "mg", true), ("0.5", "g", false), ("0.501", "g", true),
        ("500000", "mcg", false), ("500001", "mcg", true),
    ])
    func single(value: String, unit: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("alpha", value, unit, "once"))
        #expect(!report.findings(rule: "alpha.single").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test("daily limit of 1 g", arguments: [
        ("250", "qid", false), ("500", "bid", false), ("250", "q4h", true), ("334", "tid", true), ("333", "tid", false), ("0.25", "qid", false),
    ])
    func daily(value: String, frequency: String, fires: Bool) throws {
        let unit = value.hasPrefix("0.") ? "g" : "mg"
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("alpha", value, unit, frequency))
        #expect(!report.findings(rule: "alpha.daily").isEmpty == fires)
    }

    @Test("weekly limit of 3500 mg", arguments: [
        ("500", "daily", false), ("250", "tid", true), ("500", "thrice-weekly", false), ("500", "q48h", false), ("1000", "weekly", false),
    ])
    func weekly(value: String, frequency: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("alpha", value, "mg", frequency))
        #expect(!report.findings(rule: "alpha.weekly").isEmpty == fires)
    }

    @Test("per-session doses count sessions a week (3 by default on haemodialysis)", arguments: [
        ("1000", nil, false), ("1200", nil, true), ("1000", "4", true), ("1700", "2", false),
    ] as [(String, String?, Bool)])
    func perDialysisSession(value: String, sessions: String?, fires: Bool) throws {
        let s = sessions.map { #", "sessionsPerWeek": \#($0)"# } ?? ""
        let patient = #"{"kidney": {"dialysis": "hemodialysis"\#(s)}}"#
        let report = try Self.harness.get().screen(patient: patient, order: Self.order("alpha", value, "mg", "each-dialysis"))
        #expect(!report.findings(rule: "alpha.weekly").isEmpty == fires)
    }

    @Test func perSessionDosesWithoutASessionCountAreUnscreened() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "peritoneal"}}"#,
                                                   order: Self.order("alpha", "100", "mg", "each-dialysis"))
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("dialysis sessions per week") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test("single mg/kg limit with a 50 kg patient", arguments: [
        ("500", "mg", false), ("501", "mg", true), ("10", "mg/kg", false), ("10.1", "mg/kg", true), ("0.01", "g/kg", false),
    ])
    func singlePerKg(value: String, unit: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("beta", value, unit, "once"))
        #expect(!report.findings(rule: "beta.single-per-kg").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test("daily mg/kg limit of 20", arguments: [("10", "bid", false), ("10", "tid", true), ("5", "qid", false), ("500", "bid", false), ("600", "bid", true)])
    func dailyPerKg(value: String, frequency: String, fires: Bool) throws {
        let unit = Double(value)! >= 100 ? "mg" : "mg/kg"
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("beta", value, unit, frequency))
        #expect(!report.findings(rule: "beta.daily-per-kg").isEmpty == fires)
    }

    @Test("doses per day limit of 3", arguments: [
        ("tid", nil, false), ("qid", nil, true), ("q4h", nil, true), ("daily", nil, false), ("weekly", nil, false),
        ("prn", "3", false), ("prn", "4", true),
    ] as [(String, String?, Bool)])
    func dosesPerDay(frequency: String, maxPerDay: String?, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("gamma", "10", "mg", frequency, maxPerDay: maxPerDay))
        #expect(!report.findings(rule: "gamma.doses").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func prnWithoutAMaximumCannotBeCheckedAgainstADosesPerDayLimit() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("gamma", "10", "mg", "prn"))
        #expect(report.findings(rule: "gamma.doses").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("frequency") == true)
        #expect(missing.note?.contains("gamma.doses") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func aLimitUnderAWhenAppliesOnlyWhenItHolds() throws {
        let h = try Self.harness.get()
        let onHD = try h.screen(patient: #"{"kidney": {"dialysis": "hemodialysis"}}"#, order: Self.order("delta", "40", "mg", "daily"))
        #expect(onHD.findings(rule: "delta.hd.daily").count == 1)
        let notOnHD = try h.screen(patient: #"{"kidney": {"dialysis": "none"}}"#, order: Self.order("delta", "40", "mg", "daily"))
        #expect(notOnHD.findings(rule: "delta.hd.daily").isEmpty)
        #expect(notOnHD.findings.isEmpty)
    }

    @Test func anExcessiveDoseWithUnknownModalityNamesTheModality() throws {
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order("delta", "40", "mg", "daily"))
        #expect(report.findings(rule: "delta.hd.daily").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("dialysis status") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func theExceededFindingSaysWhatWasOrdered() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("alpha", "0.75", "g", "once"))
        let finding = try #require(report.findings(rule: "alpha.single").first)
        #expect(finding.note?.contains("750 mg") == true)
        #expect(finding.note?.contains("500 mg") == true)
        #expect(finding.severity == .major)
    }
}
