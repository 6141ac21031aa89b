import Testing
import TestSupport

/// `avoid` rules: kidney-function bands and dialysis modalities, with missing data reported.
struct AvoidRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
                RuleHarness.rule("alpha.kidney.avoid", kind: "avoid", severity: "major", category: "avoid-in-kidney-failure",
                                 when: #"{"kidneyFunction": {"below": 30}}"#),
                RuleHarness.rule("alpha.dialysis.avoid", kind: "avoid", severity: "contraindicated", category: "avoid-in-kidney-failure",
                                 when: #"{"dialysis": ["hemodialysis", "peritoneal"]}"#),
                RuleHarness.rule("alpha.egfr.band", kind: "avoid", severity: "moderate", category: "renal-dose",
                                 when: #"{"egfr": {"atLeast": 30, "below": 60}}"#),
        ])
    }

    static let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#

    @Test("kidney function band: fires only strictly below 30", arguments: [
        (29.0, true), (29.99, true), (30.0, false), (30.01, false), (90.0, false), (0.0, true),
    ])
    func kidneyFunctionThreshold(crcl: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": \#(crcl), "egfr": 90}}"#, order: Self.order)
        #expect(!report.findings(rule: "alpha.kidney.avoid").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test("either measure in range is enough (the safer reading)", arguments: [(45.0, 20.0, true), (20.0, 45.0, true), (45.0, 45.0, false)])
    func eitherMeasureInRange(crcl: Double, egfr: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": \#(crcl), "egfr": \#(egfr)}}"#, order: Self.order)
        #expect(!report.findings(rule: "alpha.kidney.avoid").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func eGFRIsUsedWhenCreatinineClearanceIsAbsent() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "egfr": 20}}"#, order: Self.order)
        let finding = try #require(report.findings(rule: "alpha.kidney.avoid").first)
        #expect(finding.severity == .major)
        #expect(finding.orderIDs == ["o1"])
        #expect(finding.drugs == ["alpha"])
        #expect(finding.sources.map(\.id) == ["src-a"])
    }

    @Test("eGFR band is half-open [30, 60)", arguments: [(29.9, false), (30.0, true), (59.9, true), (60.0, false)])
    func egfrBand(egfr: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "egfr": \#(egfr)}}"#, order: Self.order)
        #expect(!report.findings(rule: "alpha.egfr.band").isEmpty == fires)
    }

    @Test("dialysis modality", arguments: [("hemodialysis", true), ("peritoneal", true), ("crrt", false), ("none", false)])
    func dialysisModality(modality: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "\#(modality)", "egfr": 8}}"#, order: Self.order)
        let findings = report.findings(rule: "alpha.dialysis.avoid")
        #expect(!findings.isEmpty == fires)
        if fires { #expect(findings.first?.severity == .contraindicated) }
    }

    @Test func missingKidneyFunctionIsNamedAndTheOrderIsUnscreened() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none"}}"#, order: Self.order)
        #expect(report.findings(rule: "alpha.kidney.avoid").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        let note = try #require(missing.note)
        #expect(note.contains("kidney function"))
        #expect(note.contains("alpha.kidney.avoid"))
        #expect(note.contains("eGFR"))
        #expect(missing.orderIDs == ["o1"])
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func missingDialysisStatusIsNamed() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"crcl": 80, "egfr": 80}}"#, order: Self.order)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("dialysis status") == true)
        #expect(missing.note?.contains("alpha.dialysis.avoid") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func normalKidneyFunctionGivesNoFindingAndScreenedStatus() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": 90, "egfr": 90}}"#, order: Self.order)
        #expect(report.findings.isEmpty)
        #expect(report.status(of: "o1") == .screened)
        #expect(report.orders.first?.highestSeverity == nil)
    }
}
