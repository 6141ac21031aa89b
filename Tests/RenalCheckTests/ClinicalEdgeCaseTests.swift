import Testing
import TestSupport

/// The README's "Decisions on edge cases" table, row by row, against the shipped formulary.
struct ClinicalEdgeCaseTests {
    static let checker = Checker(formulary: TestFormulary.shipped)

    /// A request at a fixed `asOf` with the given patient (JSON object members, no braces),
    /// orders and current medications (JSON objects).
    static func screen(patient: String, orders: [String], medications: [String] = [],
                       asOf: String = "2026-11-21T10:00:00Z") throws -> ScreeningReport {
        let json = #"{"asOf": "\#(asOf)", "patient": {\#(patient)}, "medications": [\#(medications.joined(separator: ", "))], "#
            + #""orders": [\#(orders.joined(separator: ", "))]}"#
        return checker.screen(try request(json))
    }

    /// An order or medication object.
    static func entry(_ id: String, _ drug: String, _ value: Double, _ unit: String = "mg", route: String = "oral",
                      frequency: String = "daily", extra: String = "") -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": \#(value), "unit": "\#(unit)"}, "route": "\#(route)", "frequency": "\#(frequency)"\#(extra)}"#
    }

    static let haemodialysis = #""kidney": {"dialysis": "hemodialysis", "sessionsPerWeek": 3}"#

    // MARK: mg/kg dose without weightKg

    static func levocarnitine(_ perKg: Double) -> String {
        entry("o1", "levocarnitine", perKg, "mg/kg", route: "iv", frequency: "each-dialysis",
              extra: #", "timing": "after-dialysis", "indication": "carnitine-deficiency""#)
    }

    @Test func perKilogramLimitIsStillCheckedWithoutAWeight() throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.levocarnitine(25)])
        #expect(!report.findings(rule: "levocarnitine.dose.per-session").isEmpty, "25 mg/kg is over the 20 mg/kg limit, weight or not")
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func missingWeightMakesAnMgPerKgOrderUnscreenedAndSaysSo() throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.levocarnitine(20)])
        #expect(report.status(of: "o1") == .unscreened)
        let unscreened = report.findings.filter { $0.category == .unscreened && $0.orderIDs == ["o1"] }
        let finding = try #require(unscreened.first)
        #expect(finding.detail.contains("weightKg"), "the finding names the missing weight: \(finding.detail)")
        #expect(report.findings(rule: "levocarnitine.dose.per-session").isEmpty, "20 mg/kg is at, not over, the limit")
    }

    @Test func withAWeightTheSameOrderIsScreened() throws {
        let report = try Self.screen(patient: #""weightKg": 60, "# + Self.haemodialysis, orders: [Self.levocarnitine(20)])
        #expect(report.status(of: "o1") == .screened)
        #expect(report.findings.allSatisfy { $0.category != .unscreened })
    }

    @Test("weightKg 0 (or below) is an input error", arguments: ["0", "-1", "0.0"])
    func zeroWeightIsAnInputError(weight: String) throws {
        let json = #"{"patient": {"weightKg": \#(weight), \#(Self.haemodialysis)}, "orders": [\#(Self.levocarnitine(20))]}"#
        let error = try #require(throws: RequestError.self) { try request(json) }
        #expect(error.problems.contains { $0.path == "$.patient.weightKg" })
    }

    // MARK: eGFR and dialysis

    static func baclofen() -> String { entry("o1", "baclofen", 5, frequency: "tid") }

    @Test("eGFR is used when dialysis is none", arguments: [
        (45.0, "baclofen.kidney.reduce"), (20.0, "baclofen.kidney.avoid"),
    ])
    func egfrWithoutDialysis(egfr: Double, rule: String) throws {
        let report = try Self.screen(patient: #""kidney": {"dialysis": "none", "egfr": \#(egfr)}"#, orders: [Self.baclofen()])
        #expect(!report.findings(rule: rule).isEmpty)
    }

    @Test func anEgfrAloneIsEnoughKidneyFunction() throws {
        // Rules on kidney function use CrCl, or eGFR when CrCl is absent: none may report it missing.
        let report = try Self.screen(patient: #""ageYears": 50, "kidney": {"dialysis": "none", "egfr": 45}"#, orders: [Self.baclofen()])
        let missing = report.findings(rule: "renalcheck.unscreened.missing-data")
        #expect(missing.isEmpty, "\(missing.map(\.detail))")
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func normalEgfrWithoutDialysisGivesNoKidneyFinding() throws {
        let report = try Self.screen(patient: #""kidney": {"dialysis": "none", "egfr": 90}"#, orders: [Self.baclofen()])
        #expect(report.findings.filter { $0.ruleID.hasPrefix("baclofen.kidney.") }.isEmpty)
    }

    @Test("dialysis with eGFR 90 still counts as dialysis", arguments: ["hemodialysis", "peritoneal"])
    func dialysisWinsOverANormalEgfr(modality: String) throws {
        let report = try Self.screen(patient: #""kidney": {"dialysis": "\#(modality)", "egfr": 90, "crcl": 95}"#,
                                     orders: [Self.baclofen()])
        let avoid = try #require(report.findings(rule: "baclofen.kidney.avoid").first)
        #expect(avoid.severity == .contraindicated)
    }

    @Test func dialysisDoseLimitAppliesWhateverTheCrCl() throws {
        let report = try Self.screen(patient: #""kidney": {"dialysis": "hemodialysis", "egfr": 90, "crcl": 95}"#,
                                     orders: [Self.entry("o1", "gabapentin", 300, frequency: "tid")])
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").first?.severity == .major)
    }

    @Test func missingKidneyFunctionIsNeverAssumedNormal() throws {
        let report = try Self.screen(patient: #""ageYears": 60"#, orders: [Self.baclofen()])
        #expect(report.status(of: "o1") == .unscreened)
        #expect(!report.findings(rule: "renalcheck.unscreened.missing-data").isEmpty)
    }

    // MARK: labs in the future

    static func potassium() -> String { entry("o1", "potassium-chloride", 20, "mEq", extra: #", "indication": "hypokalaemia""#) }

    static func magnesium(at: String) -> String {
        #""labs": [{"test": "magnesium", "value": 1.4, "unit": "mg/dL", "at": "\#(at)"}], "# + haemodialysis
    }

    @Test func aLabDatedAfterAsOfIsIgnored() throws {
        let report = try Self.screen(patient: Self.magnesium(at: "2026-11-22T07:00:00Z"), orders: [Self.potassium()])
        #expect(report.findings(rule: "potassium-chloride.lab.low-magnesium").isEmpty, "a future low magnesium is not used")
        #expect(!report.findings(rule: "potassium-chloride.lab.magnesium-missing").isEmpty, "the rule reports the lab missing")
    }

    @Test func theSameLabDatedBeforeAsOfIsUsed() throws {
        let report = try Self.screen(patient: Self.magnesium(at: "2026-11-20T07:00:00Z"), orders: [Self.potassium()])
        #expect(!report.findings(rule: "potassium-chloride.lab.low-magnesium").isEmpty)
        #expect(report.findings(rule: "potassium-chloride.lab.magnesium-missing").isEmpty)
    }

    // MARK: duplicates

    @Test func aDrugBothOrderedAndCurrentIsADuplicate() throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.entry("o1", "sertraline", 100)],
                                     medications: [Self.entry("m1", "sertraline", 50)])
        let finding = try #require(report.findings(rule: "duplicate.same-drug").first)
        #expect(finding.severity == .moderate)
        #expect(finding.drugs == ["sertraline"])
        #expect(finding.orderIDs.contains("o1"))
    }

    @Test func anExactRenewalIsInfo() throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.entry("o1", "sertraline", 50)],
                                     medications: [Self.entry("m1", "sertraline", 50)])
        let finding = try #require(report.findings(rule: "duplicate.same-drug").first)
        #expect(finding.severity == .info)
    }

    @Test("the same drug under two brand names is a duplicate", arguments: [
        ("Neurontin", "Gralise"), ("neurontin", "gabapentin"), ("Lioresal", "Ozobax"),
    ])
    func twoBrandNames(ordered: String, current: String) throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.entry("o1", ordered, 100)],
                                     medications: [Self.entry("m1", current, 300)])
        let finding = try #require(report.findings(rule: "duplicate.same-drug").first)
        #expect(finding.drugs.count == 1)
        #expect(report.findings.filter { $0.category == .interaction && Set($0.drugs).count == 1 }.isEmpty,
                "a drug does not interact with itself")
    }

    @Test func twoOrdersUnderTwoBrandNamesAreADuplicate() throws {
        let report = try Self.screen(patient: Self.haemodialysis,
                                     orders: [Self.entry("o1", "Neurontin", 100), Self.entry("o2", "Gralise", 300)])
        let finding = try #require(report.findings(rule: "duplicate.same-drug").first)
        #expect(finding.orderIDs == ["o1", "o2"])
        #expect(finding.drugs == ["gabapentin"])
    }

    // MARK: current medication without a dose

    @Test func aCurrentMedicationWithoutADoseStillInteracts() throws {
        let report = try Self.screen(patient: Self.haemodialysis, orders: [Self.entry("o1", "quinine", 300, frequency: "qhs")],
                                     medications: [#"{"id": "m1", "drug": "digoxin", "route": "oral", "frequency": "daily"}"#])
        #expect(report.findings.contains { $0.category == .interaction && $0.drugs.contains("digoxin") })
    }
}
