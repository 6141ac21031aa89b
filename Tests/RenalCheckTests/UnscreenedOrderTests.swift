import Testing
import Foundation
import TestSupport

/// Fail-safe behaviour: whatever the checker does not understand makes the order unscreened with
/// a finding that says why; nothing is silently treated as safe.
struct UnscreenedOrderTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.kidney.avoid", kind: "avoid", category: "avoid-in-kidney-failure", when: #"{"kidneyFunction": {"below": 30}}"#),
        ])
    }

    static let patient = #"{"kidney": {"dialysis": "none", "crcl": 80}}"#

    static func order(drug: String = #""alpha""#, unit: String = "mg", route: String = "oral", frequency: String = "daily",
                      extra: String = "") -> String {
        #"{"id": "o1", "drug": \#(drug), "dose": {"value": 10, "unit": "\#(unit)"}, "route": "\#(route)", "frequency": "\#(frequency)"\#(extra)}"#
    }

    @Test("an unknown drug is unscreened", arguments: [#""zzz-unknown""#, #"{"rxnorm": "999999"}"#])
    func unknownDrug(drug: String) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order(drug: drug))
        let finding = try #require(report.findings(rule: "renalcheck.unscreened.unknown-drug").first)
        #expect(finding.category == .unscreened)
        #expect(finding.severity == .moderate)
        #expect(finding.orderIDs == ["o1"])
        #expect(report.status(of: "o1") == .unscreened)
        #expect(report.hasUnscreenedOrders)
    }

    @Test func aKnownRxCUIResolves() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order(drug: #"{"rxnorm": "111"}"#))
        #expect(report.status(of: "o1") == .screened)
        #expect(report.orders.first?.drug == "alpha")
    }

    @Test("a part not understood is named", arguments: [
        (order(unit: "drops"), "dose unit 'drops'"),
        (order(route: "intrathecal"), "route 'intrathecal'"),
        (order(frequency: "q5h"), "frequency 'q5h'"),
        (order(extra: #", "timing": "before-lunch""#), "timing 'before-lunch'"),
        (order(extra: #", "indication": "headache""#), "indication 'headache'"),
    ])
    func notUnderstood(order: String, named: String) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: order)
        let finding = try #require(report.findings(rule: "renalcheck.unscreened.not-understood").first)
        #expect(finding.note?.contains(named) == true)
        #expect(finding.orderIDs == ["o1"])
        #expect(finding.drugs == ["alpha"])
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func aWellFormedOrderIsScreenedWithNoFindings() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order())
        #expect(report.findings.isEmpty)
        #expect(report.status(of: "o1") == .screened)
        #expect(!report.hasUnscreenedOrders)
    }

    @Test func missingKidneyFunctionIsNamed() throws {
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order())
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("kidney function (patient.kidney.crcl or egfr)") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func anUnknownCurrentMedicationIsCoverageAndInfo() throws {
        let med = #"{"id": "m1", "drug": "Mystery Herb"}"#
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order(), medications: [med])
        #expect(report.unknownMedications == ["Mystery Herb"])
        let finding = try #require(report.findings(rule: "renalcheck.coverage.unknown-medication").first)
        #expect(finding.severity == .info)
        #expect(finding.drugs == ["Mystery Herb"])
        #expect(finding.orderIDs.isEmpty)
        // The proposed order itself was screened.
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func aLabTheFormularyDoesNotDefineIsReported() throws {
        let h = try Self.harness.get()
        let request = ScreeningRequest(
            asOf: Instant(iso: RuleHarness.asOf),
            patient: Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: 80),
                             labs: [LabResult(test: "zinc", value: 1, unit: "mg/L"), LabResult(test: "magnesium", value: 1, unit: "furlongs")]),
            orders: [MedicationEntry(id: "o1", drug: .name("alpha"), dose: Dose(value: 10, unit: "mg"), route: "oral",
                                     frequency: Frequency(code: "daily"))])
        let report = h.checker.screen(request)
        let finding = try #require(report.findings(rule: "renalcheck.unscreened.lab-not-understood").first)
        #expect(finding.note?.contains("zinc") == true)
        #expect(finding.note?.contains("furlongs") == true)
    }

    @Test func unnamedOrdersAreNumberedInRequestOrder() throws {
        let o = #"{"drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
        let report = try Self.harness.get().screen(patient: Self.patient, orders: [o, o.replacingOccurrences(of: "alpha", with: "nope")])
        #expect(report.orders.map(\.id) == ["1", "2"])
        #expect(report.orders.map(\.drug) == ["alpha", "nope"])
        #expect(report.status(of: "2") == .unscreened)
    }
}
