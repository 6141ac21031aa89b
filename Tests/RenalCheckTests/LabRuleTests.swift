import Testing
import TestSupport

/// `lab` rules: thresholds with unit conversion, result age windows, and `labMissing`.
struct LabRuleTests {
    static let withMissingRule = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.mg.low", kind: "lab", severity: "major", category: "lab",
                             when: #"{"lab": {"test": "magnesium", "below": {"value": 0.7, "unit": "mmol/L"}, "withinDays": 30}}"#),
            RuleHarness.rule("alpha.mg.missing", kind: "lab", severity: "moderate", category: "lab",
                             when: #"{"labMissing": {"test": "magnesium", "withinDays": 30}}"#),
        ])
    }

    static let thresholdOnly = Result {
        try RuleHarness(drug: "beta", rules: [
            RuleHarness.rule("beta.mg.low-mgdl", kind: "lab", severity: "major", category: "lab",
                             when: #"{"lab": {"test": "magnesium", "below": {"value": 1.7, "unit": "mg/dL"}}}"#),
            RuleHarness.rule("beta.k.low", kind: "lab", severity: "moderate", category: "lab",
                             when: #"{"lab": {"test": "potassium", "atMost": {"value": 3.5, "unit": "mEq/L"}, "withinDays": 7}}"#),
        ])
    }

    static func order(_ drug: String) -> String {
        #"{"id": "o1", "drug": "\#(drug)", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
    }

    static func patient(labs: [String]) -> String { #"{"labs": [\#(labs.joined(separator: ", "))]}"# }

    @Test("magnesium below 0.7 mmol/L, given in either unit", arguments: [
        ("0.69", "mmol/L", true), ("0.7", "mmol/L", false), ("0.71", "mmol/L", false),
        // 0.7 mmol/L × 2.4305 = 1.70135 mg/dL: exactly at the threshold, so not below it.
        ("1.70135", "mg/dL", false), ("1.7", "mg/dL", true), ("1.71", "mg/dL", false),
    ])
    func magnesiumThreshold(value: String, unit: String, fires: Bool) throws {
        let lab = #"{"test": "magnesium", "value": \#(value), "unit": "\#(unit)", "at": "2026-01-10"}"#
        let report = try Self.withMissingRule.get().screen(patient: Self.patient(labs: [lab]), order: Self.order("alpha"))
        #expect(!report.findings(rule: "alpha.mg.low").isEmpty == fires)
        #expect(report.findings(rule: "alpha.mg.missing").isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test("a threshold written in mg/dL compares in canonical units", arguments: [
        ("0.699", "mmol/L", true), ("0.6994", "mmol/L", true), ("0.6995", "mmol/L", false), ("1.7", "mg/dL", false), ("1.69", "mg/dL", true),
    ])
    func thresholdInOtherUnit(value: String, unit: String, fires: Bool) throws {
        // 1.7 mg/dL = 0.69944… mmol/L.
        let lab = #"{"test": "magnesium", "value": \#(value), "unit": "\#(unit)"}"#
        let report = try Self.thresholdOnly.get().screen(patient: Self.patient(labs: [lab]), order: Self.order("beta"))
        #expect(!report.findings(rule: "beta.mg.low-mgdl").isEmpty == fires)
    }

    @Test("atMost is inclusive; mEq/L and mmol/L agree for potassium", arguments: [
        ("3.5", "mmol/L", true), ("3.5", "mEq/L", true), ("3.51", "mmol/L", false),
    ])
    func potassiumAtMost(value: String, unit: String, fires: Bool) throws {
        let labs = [#"{"test": "potassium", "value": \#(value), "unit": "\#(unit)", "at": "2026-01-14"}"#,
                    #"{"test": "magnesium", "value": 0.9, "unit": "mmol/L"}"#]
        let report = try Self.thresholdOnly.get().screen(patient: Self.patient(labs: labs), order: Self.order("beta"))
        #expect(!report.findings(rule: "beta.k.low").isEmpty == fires)
    }

    @Test func aResultByLOINCCounts() throws {
        let lab = #"{"loinc": "19123-9", "value": 0.5, "unit": "mmol/L", "at": "2026-01-14"}"#
        let report = try Self.withMissingRule.get().screen(patient: Self.patient(labs: [lab]), order: Self.order("alpha"))
        #expect(report.findings(rule: "alpha.mg.low").count == 1)
    }

    @Test("result age window of 30 days", arguments: [
        ("2025-12-16T12:00:00Z", true), ("2025-12-16T11:59:59Z", false), ("2026-01-15T12:00:00Z", true),
    ])
    func windowEdge(at: String, counted: Bool) throws {
        let lab = #"{"test": "magnesium", "value": 0.5, "unit": "mmol/L", "at": "\#(at)"}"#
        let report = try Self.withMissingRule.get().screen(patient: Self.patient(labs: [lab]), order: Self.order("alpha"))
        #expect(!report.findings(rule: "alpha.mg.low").isEmpty == counted)
        #expect(!report.findings(rule: "alpha.mg.missing").isEmpty == !counted)
    }

    @Test func aResultInTheFutureIsIgnored() throws {
        let lab = #"{"test": "magnesium", "value": 0.5, "unit": "mmol/L", "at": "2026-02-01"}"#
        let report = try Self.withMissingRule.get().screen(patient: Self.patient(labs: [lab]), order: Self.order("alpha"))
        #expect(report.findings(rule: "alpha.mg.low").isEmpty)
        #expect(report.findings(rule: "alpha.mg.missing").count == 1)
    }

    @Test func theNewestResultDecides() throws {
        let labs = [#"{"test": "magnesium", "value": 0.5, "unit": "mmol/L", "at": "2026-01-01"}"#,
                    #"{"test": "magnesium", "value": 0.9, "unit": "mmol/L", "at": "2026-01-12"}"#]
        let report = try Self.withMissingRule.get().screen(patient: Self.patient(labs: labs), order: Self.order("alpha"))
        #expect(report.findings(rule: "alpha.mg.low").isEmpty)
    }

    @Test func labMissingFiresOnceAndTheThresholdRuleIsNotReportedAgainAsMissingData() throws {
        let report = try Self.withMissingRule.get().screen(patient: "{}", order: Self.order("alpha"))
        let finding = try #require(report.findings(rule: "alpha.mg.missing").first)
        #expect(finding.severity == .moderate)
        #expect(report.findings(rule: "alpha.mg.low").isEmpty)
        #expect(!report.findings.contains { $0.ruleID.hasPrefix("renalcheck.unscreened.missing-data") })
    }

    @Test func aMissingLabWithoutALabMissingRuleIsAGapNeverAboveMinor() throws {
        let report = try Self.thresholdOnly.get().screen(patient: "{}", order: Self.order("beta"))
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        let note = try #require(missing.note)
        #expect(note.contains("a magnesium result"))
        #expect(note.contains("a potassium result within 7 days"))
        #expect(missing.severity <= .minor)
        #expect(report.findings(rule: "renalcheck.unscreened.missing-data").isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }
}
