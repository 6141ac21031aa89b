import Testing
import TestSupport

/// Unit conversion at the edges of dose limits: mcg/mg, declared mL conversions, mg/kg with weight,
/// and units that do not convert.
struct UnitConversionTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/saline.json": RuleHarness.drugFile("saline", rules: [
                RuleHarness.rule("saline.single", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"single": {"value": 40, "unit": "mEq"}}"#),
            ]),
            "drugs/gamma.json": RuleHarness.drugFile("gamma", rules: [
                RuleHarness.rule("gamma.single", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"single": {"value": 250, "unit": "mcg"}}"#),
            ]),
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.single", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"single": {"value": 500, "unit": "mg"}}"#),
            ]),
        ])
    }

    static func order(_ drug: String, _ value: String, _ unit: String) -> String {
        #"{"id": "o1", "drug": "\#(drug)", "dose": {"value": \#(value), "unit": "\#(unit)"}, "route": "iv", "frequency": "once"}"#
    }

    @Test("mL converts to mEq through the drug's declared conversion (1 mL = 4 mEq)", arguments: [
        ("10", "mL", false), ("10.5", "mL", true), ("10", "ml", false), ("0.01", "L", false), ("0.011", "L", true),
        ("40", "mEq", false), ("41", "mEq", true),
    ])
    func declaredConversion(value: String, unit: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order("saline", value, unit))
        #expect(!report.findings(rule: "saline.single").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func aMassDoseForAnMEqDrugWithoutConversionIsNotAssumed() throws {
        let report = try Self.harness.get().screen(order: Self.order("saline", "1000", "mg"))
        #expect(report.findings(rule: "saline.single").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("a conversion from mg to mEq for saline") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test("a 250 mcg limit", arguments: [
        ("250", "mcg", false), ("250", "µg", false), ("250", "ug", false), ("0.25", "mg", false),
        ("251", "mcg", true), ("0.26", "mg", true), ("0.00025", "g", false), ("0.000251", "g", true),
    ])
    func micrograms(value: String, unit: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order("gamma", value, unit))
        #expect(!report.findings(rule: "gamma.single").isEmpty == fires)
    }

    @Test("an mg/kg order against an mg limit uses the weight", arguments: [
        (50.0, "10", false), (50.0, "10.02", true), (60.0, "8.3", false), (60.0, "8.4", true),
    ])
    func perKgOrderAgainstMassLimit(weight: Double, value: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"weightKg": \#(weight)}"#, order: Self.order("alpha", value, "mg/kg"))
        #expect(!report.findings(rule: "alpha.single").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func anMgPerKgOrderWithoutWeightIsUnscreenedAndNamesWeight() throws {
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order("alpha", "10", "mg/kg"))
        #expect(report.findings(rule: "alpha.single").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("body weight (patient.weightKg)") == true)
        #expect(missing.orderIDs == ["o1"])
        #expect(report.status(of: "o1") == .unscreened)
    }

    @Test func anMgPerKgOrderWithoutWeightAndNoRulesIsStillUnscreened() throws {
        // beta has no rules here: the weight is still needed to know the dose at all.
        let report = try Self.harness.get().screen(patient: "{}", order: Self.order("beta", "10", "mg/kg"))
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("body weight") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }
}
