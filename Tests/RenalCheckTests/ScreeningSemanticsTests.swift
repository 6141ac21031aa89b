import Testing
import TestSupport

/// What "unscreened" and "missing" mean (unreviewed drugs are refused by the validator, see
/// `FormularyLoaderTests`): unstated conditions are absent; a condition listed as unknown, a missing lab or age is a gap reported at `minor` at
/// most on a screened order; a missing number a dose or kidney rule needs leaves the order
/// unscreened; a cascade considers the order's indication.
struct ScreeningSemanticsTests {
    static let harness = Result {
        try RuleHarness(files: [
            "conditions.json": #"{"conditions": [{"id": "heart-failure", "name": "Heart failure"}, {"id": "myopathy", "name": "Myopathy"}]}"#,
            "indications.json": #"{"indications": [{"id": "muscle-cramps", "name": "Muscle cramps"}, {"id": "malaria", "name": "Malaria"}, {"id": "spasticity", "name": "Spasticity"}]}"#,
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.condition", kind: "condition", severity: "contraindicated", category: "condition",
                                 when: #"{"conditions": ["heart-failure"]}"#),
                RuleHarness.rule("alpha.lab", kind: "lab", severity: "contraindicated", category: "lab",
                                 when: #"{"lab": {"test": "potassium", "below": {"value": 3.5, "unit": "mmol/L"}}}"#),
                RuleHarness.rule("alpha.kidney", kind: "dose-limit", severity: "major", category: "renal-dose",
                                 when: #"{"kidneyFunction": {"below": 30}}"#, extra: #""limits": {"daily": {"value": 10, "unit": "mg"}}"#),
            ]),
            "cascades.json": #"{"cascades": [{"id": "delta-cramps", "kind": "cascade", "severity": "moderate", "category": "cascade", "index": {"drugs": ["delta"]}, "adverseEffect": "cramps", "marker": {"drugs": ["gamma"], "indications": ["muscle-cramps"]}, "windowDays": 365, "summary": "s", "detail": "d", "recommendation": "r", "sources": ["src-a"]}]}"#,
        ])
    }

    static func order(_ drug: String = "alpha", mg: Int = 5, indication: String? = nil) -> String {
        let ind = indication.map { #", "indication": "\#($0)""# } ?? ""
        return #"{"id": "o1", "drug": "\#(drug)", "dose": {"value": \#(mg), "unit": "mg"}, "route": "oral", "frequency": "daily"\#(ind)}"#
    }

    static let labsOK = #""labs": [{"test": "potassium", "value": 4.0, "unit": "mmol/L"}]"#

    @Test func anUnstatedConditionIsAbsent() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": 80}, \#(Self.labsOK)}"#, order: Self.order())
        #expect(report.findings.isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func aConditionListedAsUnknownIsAMinorGap() throws {
        let patient = #"{"kidney": {"dialysis": "none", "crcl": 80}, "conditionsUnknown": ["heart-failure"], \#(Self.labsOK)}"#
        let report = try Self.harness.get().screen(patient: patient, order: Self.order())
        let gap = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(gap.severity == .minor)
        #expect(gap.note?.contains("heart-failure") == true)
        #expect(report.findings(rule: "alpha.condition").isEmpty)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func aConditionStatedPresentWinsOverUnknown() throws {
        let patient = #"{"kidney": {"dialysis": "none", "crcl": 80}, "conditions": ["heart-failure"], "conditionsUnknown": ["heart-failure"], \#(Self.labsOK)}"#
        let report = try Self.harness.get().screen(patient: patient, order: Self.order())
        #expect(report.findings(rule: "alpha.condition").first?.severity == .contraindicated)
    }

    @Test func anUnknownConditionIdIsAnError() throws {
        #expect(throws: RequestError.self) {
            try Self.harness.get().screen(patient: #"{"conditionsUnknown": ["no-such-condition"]}"#, order: Self.order())
        }
    }

    @Test func aMissingLabIsNeverAboveMinor() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": 80}}"#, order: Self.order())
        let gap = try #require(report.findings(rule: "renalcheck.unscreened.missing-data-minor").first)
        #expect(gap.severity == .minor)
        #expect(!report.findings.contains { $0.severity > .minor })
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func missingKidneyFunctionForADoseRuleLeavesTheOrderUnscreened() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none"}, \#(Self.labsOK)}"#, order: Self.order(mg: 20))
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("kidney function") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test("a cascade fires for an absent or matching indication only", arguments: [
        (nil as String?, true), ("muscle-cramps", true), ("spasticity", false),
    ])
    func cascadeIndication(indication: String?, fires: Bool) throws {
        let med = #"{"drug": "delta", "dose": {"value": 20, "unit": "mg"}, "route": "oral", "frequency": "daily", "start": "2025-12-01"}"#
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": 80}}"#,
                                                  order: Self.order("gamma", indication: indication), medications: [med])
        #expect(report.findings(rule: "delta-cramps").isEmpty == !fires)
    }
}
